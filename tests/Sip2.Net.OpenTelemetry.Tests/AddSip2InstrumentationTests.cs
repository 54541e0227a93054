using System.Diagnostics;
using System.Net;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Sip2.Net.Access;
using Sip2.Net.Client;
using Sip2.Net.Diagnostics;
using Sip2.Net.Resolution;
using Sip2.Net.Server;

namespace Sip2.Net.OpenTelemetry.Tests;

/// <summary>
/// A code-first server and client (no dependency injection, so the shared meters) exported through OpenTelemetry's
/// in-memory exporter: what AddSip2Instrumentation subscribes to arrives. Each test has its own tracer and meter
/// provider; the assertions look for this test's own server only (its connection's address).
/// </summary>
public sealed class AddSip2InstrumentationTests
{
    [Fact]
    public async Task The_tracer_provider_exports_the_servers_request_spans()
    {
        var address = IPAddress.Parse("127.0.0.9");
        var spans = new List<Activity>();
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddSip2Instrumentation().AddInMemoryExporter(spans).Build())
        {
            await ConverseAsync(address);
            tracing.ForceFlush();
        }

        var status = Assert.Single(spans, s => s.OperationName == Sip2Telemetry.RequestActivityName && (string?)s.GetTagItem(Sip2Telemetry.CommandTag) == "99" && (string?)s.GetTagItem(Sip2Telemetry.ClientAddressTag) == address.ToString());
        Assert.Equal(Sip2Telemetry.ActivitySourceName, status.Source.Name);
        Assert.Equal("SIP2 SC Status", status.DisplayName);
    }

    [Fact]
    public async Task The_meter_provider_exports_the_server_and_client_instruments()
    {
        var metrics = new List<Metric>();
        using (var meters = Sdk.CreateMeterProviderBuilder().AddSip2Instrumentation().AddInMemoryExporter(metrics).Build())
        {
            await ConverseAsync(IPAddress.Parse("127.0.0.10"));
            meters.ForceFlush();
        }

        var names = metrics.Select(m => (m.MeterName, m.Name)).ToHashSet();
        Assert.Contains((Sip2Telemetry.ServerMeterName, Sip2Telemetry.ServerRequestDuration), names);
        Assert.Contains((Sip2Telemetry.ServerMeterName, Sip2Telemetry.ServerConnections), names);
        Assert.Contains((Sip2Telemetry.ClientMeterName, Sip2Telemetry.ClientRequestDuration), names);
        Assert.Equal("s", metrics.First(m => m.Name == Sip2Telemetry.ServerRequestDuration).Unit);
    }

    // A server whose one registration is the test's own address (no login), and a client asking for its status.
    private static async Task ConverseAsync(IPAddress address)
    {
        var store = new InMemorySip2RegistryStore(Sip2RegistryOptions.AllowLocalNetworks);
        Assert.Null(await store.SaveInstitutionAsync(new Sip2Institution { Id = "alpha", Name = "Alpha" }));
        Assert.Null(await store.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "alpha", BranchId = "main", LibraryName = "Alpha" }));
        (await store.CreateAsync(new Sip2ClientRegistration { IPAddress = address, InstitutionId = "alpha", BranchId = "main" })).GetValueOrThrow();
        var options = new Sip2ServerOptions { Endpoints = [new Sip2ListenEndpoint { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) }] };
        using var handler = new Sip2ConnectionHandler(new Sip2RegistryAccessPolicy(store, store), new NoBackend(), options, messages: store, registry: store);
        await using var server = new Sip2Server(handler);
        await server.StartAsync();
        await using var client = new Sip2Client(new Sip2ClientOptions { Host = "127.0.0.1", Port = server.BoundEndpoints[0].Port, LocalAddress = address });
        await client.ConnectAsync();
        Assert.True((await client.ScStatusAsync()).OnlineStatus);
    }

    private sealed class NoBackend : Sip2BackendBase
    {
        public override ValueTask<string?> FindPatronInstitutionAsync(string patronIdentifier, Sip2RequestContext context) => new((string?)null);

        public override ValueTask<Sip2ItemOwner?> FindItemOwnerAsync(string itemIdentifier, Sip2RequestContext context) => new((Sip2ItemOwner?)null);
    }
}
