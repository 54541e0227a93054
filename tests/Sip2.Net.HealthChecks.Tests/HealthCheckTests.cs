using System.Net;
using System.Net.Sockets;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sip2.Net.Access;
using Sip2.Net.HealthChecks;
using Sip2.Net.Messages;
using Sip2.Net.Server;
using Sip2.Net.TestSupport;

namespace Sip2.Net.HealthChecks.Tests;

/// <summary>Each SIP2 health check in its three states, through the host's HealthCheckService.</summary>
public sealed class HealthCheckTests
{
    private static IHost Build(Action<IServiceCollection>? configure = null, int maxConnections = 10_000, ISip2Backend? backend = null, ISip2RegistryStore? store = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        var sip2 = builder.Services.AddSip2Server(o => o with { Endpoints = [new Sip2ListenEndpoint { EndPoint = new(IPAddress.Loopback, 0) }], MaxConnections = maxConnections })
            .AddBackend(backend ?? new NullBackend());
        if (store is not null)
        {
            sip2.AddRegistryStore(store);
        }

        builder.Services.AddHealthChecks().AddSip2HealthChecks();
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    private static async Task<HealthReportEntry> CheckAsync(IHost host, string name)
    {
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == name);
        return report.Entries[name];
    }

    [Fact]
    public async Task The_listener_is_unhealthy_before_the_start_healthy_while_listening_and_unhealthy_once_stopped()
    {
        using var host = Build();
        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync(host, Sip2HealthCheckNames.Listener)).Status);

        await host.StartAsync();
        var listening = await CheckAsync(host, Sip2HealthCheckNames.Listener);
        await host.StopAsync();

        Assert.Equal(HealthStatus.Healthy, listening.Status);
        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync(host, Sip2HealthCheckNames.Listener)).Status);
    }

    [Fact]
    public async Task The_listener_is_degraded_at_its_connection_limit()
    {
        var store = new InMemorySip2RegistryStore(Sip2RegistryOptions.AllowLocalNetworks);
        Assert.Null(await store.SaveInstitutionAsync(new Resolution.Sip2Institution { Id = "NORTH" }));
        Assert.Null(await store.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "NORTH", BranchId = "MAIN" }));
        Assert.True((await store.CreateAsync(new Sip2ClientRegistration { IPAddress = IPAddress.Loopback, InstitutionId = "NORTH", BranchId = "MAIN" })).Succeeded);
        using var host = Build(maxConnections: 1, store: store);
        await host.StartAsync();
        try
        {
            var handler = host.Services.GetRequiredService<Sip2ConnectionHandler>();
            // The kiosk's address is registered, so it is admitted (bound by its address) and then waits for input.
            var admitted = handler.IdleAsync(next: true);
            using var kiosk = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await kiosk.ConnectAsync(IPAddress.Loopback, host.Services.GetRequiredService<Sip2Server>().BoundEndpoints[0].Port);
            await admitted.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(1, handler.ConnectionCount);

            var entry = await CheckAsync(host, Sip2HealthCheckNames.Listener);
            Assert.Equal(HealthStatus.Degraded, entry.Status);
            Assert.Contains("connection limit", entry.Description, StringComparison.Ordinal);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Without_a_probe_the_back_end_is_healthy_and_says_nothing_was_probed()
    {
        using var host = Build();

        var entry = await CheckAsync(host, Sip2HealthCheckNames.Backend);

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Contains("No back-end probe", entry.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HealthStatus.Healthy)]
    [InlineData(HealthStatus.Degraded)]
    [InlineData(HealthStatus.Unhealthy)]
    public async Task A_registered_probe_gives_the_back_end_its_status(HealthStatus status)
    {
        using var host = Build(s => s.AddSingleton<ISip2BackendProbe>(new FixedProbe(new HealthCheckResult(status, "the ILS says so"))));

        var entry = await CheckAsync(host, Sip2HealthCheckNames.Backend);

        Assert.Equal(status, entry.Status);
        Assert.Equal("the ILS says so", entry.Description);
    }

    [Fact]
    public async Task A_back_end_that_is_its_own_probe_is_asked()
    {
        using var host = Build(backend: new ProbedBackend());

        Assert.Equal(HealthStatus.Degraded, (await CheckAsync(host, Sip2HealthCheckNames.Backend)).Status);
    }

    [Fact]
    public async Task A_probe_that_throws_is_unhealthy_without_echoing_its_message()
    {
        using var host = Build(s => s.AddSingleton<ISip2BackendProbe>(new ThrowingProbe()));

        var entry = await CheckAsync(host, Sip2HealthCheckNames.Backend);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("The back-end probe failed (HttpRequestException).", entry.Description);
    }

    [Fact]
    public async Task The_store_is_unhealthy_until_loaded_healthy_when_reachable_and_degraded_when_unreachable()
    {
        var store = new SwitchableStore();
        using var host = Build(store: store);
        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync(host, Sip2HealthCheckNames.RegistryStore)).Status);

        await host.StartAsync();
        try
        {
            Assert.Equal(HealthStatus.Healthy, (await CheckAsync(host, Sip2HealthCheckNames.RegistryStore)).Status);

            store.Problem = "connection refused";
            var entry = await CheckAsync(host, Sip2HealthCheckNames.RegistryStore);
            Assert.Equal(HealthStatus.Degraded, entry.Status);
            Assert.Contains("connection refused", entry.Description, StringComparison.Ordinal);
            Assert.Contains("snapshot of 2026-01-02T03:04:05.0000000+00:00", entry.Description, StringComparison.Ordinal);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    // The report's status is the worst of its entries, whatever the probe says.
    [Property(MaxTest = 20)]
    public bool The_overall_status_is_the_worst_check(bool probed, byte which)
    {
        var status = (HealthStatus)(which % 3);
        using var host = Build(s =>
        {
            if (probed)
            {
                s.AddSingleton<ISip2BackendProbe>(new FixedProbe(new HealthCheckResult(status)));
            }
        });

        // Not started: the listener and the store are Unhealthy, so the report is too.
        var report = host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync().GetAwaiter().GetResult();
        return report.Status == HealthStatus.Unhealthy && report.Entries[Sip2HealthCheckNames.Backend].Status == (probed ? status : HealthStatus.Healthy);
    }

    private sealed class FixedProbe(HealthCheckResult result) : ISip2BackendProbe
    {
        public ValueTask<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken) => new(result);
    }

    private sealed class ThrowingProbe : ISip2BackendProbe
    {
        public ValueTask<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken) =>
            throw new System.Net.Http.HttpRequestException("https://svc:hunter2@ils.example/ping refused");
    }

    private sealed class ProbedBackend : NullBackend, ISip2BackendProbe
    {
        public ValueTask<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken) => new(HealthCheckResult.Degraded("read-only"));
    }

    private sealed class SwitchableStore() : DelegatingRegistryStore(new InMemorySip2RegistryStore())
    {
        public string? Problem { get; set; }

        public override Sip2RegistryStoreStatus GetStatus() => new()
        {
            IsReachable = Problem is null,
            SynchronizedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Problem = Problem,
        };
    }
}

/// <summary>A back end that supports nothing; the checks never send it a request.</summary>
internal class NullBackend : Sip2BackendBase
{
    public override ValueTask<string?> FindPatronInstitutionAsync(string patronIdentifier, Sip2RequestContext context) => new((string?)null);

    public override ValueTask<Sip2ItemOwner?> FindItemOwnerAsync(string itemIdentifier, Sip2RequestContext context) => new((Sip2ItemOwner?)null);
}
