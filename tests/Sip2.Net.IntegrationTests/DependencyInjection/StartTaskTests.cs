using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sip2.Net.Access;
using Sip2.Net.DependencyInjection;
using Sip2.Net.Server;

namespace Sip2.Net.IntegrationTests.DependencyInjection;

/// <summary>Start tasks and OnStarting hooks run, in order, after the store loads and before the listener opens.</summary>
public sealed class StartTaskTests
{
    private static IHost Build(Action<Sip2ServerBuilder> configure, ISip2RegistryStore? store = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        var sip2 = builder.Services.AddSip2Server(o => o with { Endpoints = [new Sip2ListenEndpoint { EndPoint = new(IPAddress.Loopback, 0) }] })
            .AddBackend<CountingBackend>();
        if (store is not null)
        {
            sip2.AddRegistryStore(store);
        }

        configure(sip2);
        return builder.Build();
    }

    [Fact]
    public async Task Hooks_run_in_order_after_the_store_loads_and_before_the_listener_opens()
    {
        var order = new List<string>();
        var store = new RecordingStore(order);
        using var host = Build(b => b
            .OnStarting((sp, _) =>
            {
                // Nothing listens yet: a kiosk connecting now would be refused by the operating system.
                order.Add($"hook 1, bound {sp.GetRequiredService<Sip2Server>().BoundEndpoints.Count}");
                return Task.CompletedTask;
            })
            .AddStartTask(new RecordingTask(order, "task 2"))
            .OnStarting(async (_, ct) =>
            {
                await Task.Yield();
                order.Add("hook 3");
            }), store);

        await host.StartAsync();
        try
        {
            order.Add($"started, bound {host.Services.GetRequiredService<Sip2Server>().BoundEndpoints.Count}");
            Assert.Equal(["store initialised", "hook 1, bound 0", "task 2", "hook 3", "started, bound 1"], order);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_start_task_of_a_type_is_built_by_the_container()
    {
        using var host = Build(b => b.AddStartTask<ContainerBuiltTask>());
        await host.StartAsync();
        await host.StopAsync();

        Assert.True(host.Services.GetServices<ISip2StartTask>().OfType<ContainerBuiltTask>().Single().Ran);
    }

    [Fact]
    public async Task A_failing_hook_stops_the_start_naming_it_and_nothing_ever_listens()
    {
        var later = false;
        using var host = Build(b => b
            .OnStarting((_, _) => Task.CompletedTask)
            .OnStarting((_, _) => throw new InvalidDataException("the patron cache file is corrupt"))
            .OnStarting((_, _) =>
            {
                later = true;
                return Task.CompletedTask;
            }));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Equal("The SIP2 server did not start: the start task OnStarting hook #2 failed: the patron cache file is corrupt", error.Message);
        Assert.IsType<InvalidDataException>(error.InnerException);
        Assert.False(later);
        Assert.Empty(host.Services.GetRequiredService<Sip2Server>().BoundEndpoints);
    }

    [Fact]
    public async Task A_failing_start_task_is_named_by_its_type()
    {
        using var host = Build(b => b.AddStartTask(new FailingTask()));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains(typeof(FailingTask).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Empty(host.Services.GetRequiredService<Sip2Server>().BoundEndpoints);
    }

    [Fact]
    public async Task A_store_that_cannot_load_stops_the_start_before_any_hook()
    {
        var hooked = false;
        using var host = Build(b => b.OnStarting((_, _) =>
        {
            hooked = true;
            return Task.CompletedTask;
        }), new RecordingStore([], fail: true));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.StartsWith("The SIP2 server did not start: the registry store (RecordingStore) could not be initialised:", error.Message, StringComparison.Ordinal);
        Assert.False(hooked);
        Assert.Empty(host.Services.GetRequiredService<Sip2Server>().BoundEndpoints);
    }

    [Fact]
    public async Task A_connection_made_once_the_host_has_started_is_served()
    {
        var loaded = false;
        using var host = Build(b => b.OnStarting((_, _) =>
        {
            loaded = true;
            return Task.CompletedTask;
        }));
        await host.StartAsync();
        try
        {
            Assert.True(loaded);
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(IPAddress.Loopback, host.Services.GetRequiredService<Sip2Server>().BoundEndpoints[0].Port);
            Assert.True(socket.Connected);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private sealed class RecordingTask(List<string> order, string name) : ISip2StartTask
    {
        public Task RunAsync(CancellationToken cancellationToken)
        {
            order.Add(name);
            return Task.CompletedTask;
        }
    }

    private sealed class FailingTask : ISip2StartTask
    {
        public Task RunAsync(CancellationToken cancellationToken) => Task.FromException(new TimeoutException("the ILS did not answer"));
    }

    private sealed class ContainerBuiltTask(Sip2ServerOptions options) : ISip2StartTask
    {
        public bool Ran { get; private set; }

        public Task RunAsync(CancellationToken cancellationToken)
        {
            Ran = options is not null;
            return Task.CompletedTask;
        }
    }
}

/// <summary>An in-memory store that records its initialisation, or fails it as an unreachable database would.</summary>
internal sealed class RecordingStore(List<string> order, bool fail = false) : DelegatingRegistryStore(new InMemorySip2RegistryStore(Sip2RegistryOptions.AllowLocalNetworks))
{
    public override ValueTask<bool> InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (fail)
        {
            throw new Sip2RegistryStoreUnavailableException("the database does not answer");
        }

        order.Add("store initialised");
        return base.InitializeAsync(cancellationToken);
    }
}
