using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sip2.Net.Server;

namespace Sip2.Net.AspNetCore.Tests;

public sealed class UseKestrelTests
{
    [Fact]
    public void UseKestrel_swaps_the_standalone_listener_for_the_graceful_stop_service_once()
    {
        var services = new ServiceCollection();
        var builder = services.AddSip2Server().AddBackend(new TestBackend());
        Assert.Equal("Sip2ServerHostedService", Assert.Single(HostedServices(services)));

        builder.UseKestrel().UseKestrel();

        Assert.Equal("Sip2KestrelLifetime", Assert.Single(HostedServices(services)));
    }

    [Fact]
    public async Task Under_Kestrel_the_standalone_endpoints_are_not_bound()
    {
        var standalone = new Sip2ListenEndpoint { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) };
        await using var host = await KestrelSip2Host.StartAsync(options: o => o with { Endpoints = [standalone] });
        await using var client = await host.ConnectAndLoginAsync();

        Assert.True((await client.ScStatusAsync()).OnlineStatus);
        // The same singleton the standalone hosted service would have started: it never bound a socket.
        Assert.Empty(host.App.Services.GetRequiredService<Sip2Server>().BoundEndpoints);
    }

    [Fact]
    public async Task A_connection_without_an_IP_address_is_refused_before_the_engine_sees_it()
    {
        await using var provider = new ServiceCollection().AddSip2Server().AddBackend(new TestBackend()).Services.BuildServiceProvider();
        var logger = new RecordingLogger();
        var handler = new Sip2KestrelConnectionHandler(provider.GetRequiredService<Sip2ConnectionHandler>(), logger);
        var connection = new DefaultConnectionContext("c1") { RemoteEndPoint = new UnixDomainSocketEndPoint("/tmp/sip2.sock") };

        await handler.OnConnectedAsync(connection);

        Assert.Equal((LogLevel.Warning, 4000), Assert.Single(logger.Entries));
    }

    private static List<string> HostedServices(IServiceCollection services) =>
        services.Where(d => d.ServiceType == typeof(IHostedService)).Select(d => d.ImplementationType!.Name).ToList();

    private sealed class RecordingLogger : ILogger<Sip2KestrelConnectionHandler>
    {
        public List<(LogLevel Level, int EventId)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, eventId.Id));
    }
}
