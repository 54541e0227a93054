using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Sip2.Net.Client;
using Sip2.Net.Diagnostics;

namespace Sip2.Net.IntegrationTests.Telemetry;

/// <summary>
/// The server's and the client's instruments through a real <see cref="IMeterFactory"/> from dependency injection: each
/// test's collectors see only the meters of its own factory, so these run beside every other test.
/// </summary>
public sealed class MetricsTests : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private IMeterFactory Meters => services.GetRequiredService<IMeterFactory>();

    public void Dispose() => services.Dispose();

    [Fact]
    public async Task The_server_records_request_durations_in_seconds_by_command_and_outcome_logins_and_connections()
    {
        using var durations = new MetricCollector<double>(Meters, Sip2Telemetry.ServerMeterName, Sip2Telemetry.ServerRequestDuration);
        using var logins = new MetricCollector<long>(Meters, Sip2Telemetry.ServerMeterName, Sip2Telemetry.ServerLogins);
        using var open = new MetricCollector<long>(Meters, Sip2Telemetry.ServerMeterName, Sip2Telemetry.ServerActiveConnections);
        using var admitted = new MetricCollector<long>(Meters, Sip2Telemetry.ServerMeterName, Sip2Telemetry.ServerConnections);
        var server = await TestServer.StartAsync(meterFactory: Meters);
        await using (server)
        {
            await using var client = server.Client();
            await client.ConnectAsync();
            await Assert.ThrowsAsync<Sip2LoginRefusedException>(() => client.LoginAsync(TestServer.KioskA, "wrong"));
            await client.LoginAsync(TestServer.KioskA, TestServer.KioskAPassword);
            await client.CheckoutAsync("p1", "3900001");
            await client.PatronStatusAsync(CountingBackend.Explodes);
            await client.PatronStatusAsync(CountingBackend.Outsider);
            Assert.Equal(1, open.LastMeasurement?.Value);
        }

        Assert.Equal("s", durations.Instrument!.Unit);
        var measured = durations.GetMeasurementSnapshot();
        Assert.All(measured, m => Assert.InRange(m.Value, 0, 60));
        var byCommand = measured.Select(m => $"{m.Tags[Sip2Telemetry.CommandTag]}:{m.Tags[Sip2Telemetry.OutcomeTag]}").ToArray();
        Assert.Equal(["93:refused", "93:accepted", "11:ok", "23:error", "23:refused"], byCommand);

        Assert.Equal("{login}", logins.Instrument!.Unit);
        Assert.Equal(["refused", "accepted"], logins.GetMeasurementSnapshot().Select(m => (string?)m.Tags[Sip2Telemetry.OutcomeTag]));
        Assert.Equal(1, admitted.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(0, open.GetMeasurementSnapshot().Sum(m => m.Value)); // the connection closed with the server
    }

    [Fact]
    public async Task The_client_records_its_request_durations_failures_and_retries()
    {
        using var durations = new MetricCollector<double>(Meters, Sip2Telemetry.ClientMeterName, Sip2Telemetry.ClientRequestDuration);
        using var failures = new MetricCollector<long>(Meters, Sip2Telemetry.ClientMeterName, Sip2Telemetry.ClientFailures);
        using var retries = new MetricCollector<long>(Meters, Sip2Telemetry.ClientMeterName, Sip2Telemetry.ClientRetries);
        await using var server = await TestServer.StartAsync();
        await using var client = new Sip2Client(server.Client().Options with { MeterFactory = Meters });
        await client.ConnectAsync();
        await client.LoginAsync(TestServer.KioskA, TestServer.KioskAPassword);

        // A message with a wrong checksum gets a 96 each time: the client resends it until its budget is spent.
        var exhausted = await Assert.ThrowsAsync<Sip2ProtocolException>(() => client.SendRawAsync("9900302.00AY1AZ0000"));
        Assert.Equal(Sip2ProtocolFailure.RetryBudgetExhausted, exhausted.Failure);

        await server.Server.StopAsync();
        await Assert.ThrowsAsync<Sip2ConnectionException>(() => client.ScStatusAsync());

        Assert.Equal("s", durations.Instrument!.Unit);
        var outcomes = durations.GetMeasurementSnapshot().Select(m => $"{m.Tags[Sip2Telemetry.CommandTag]}:{m.Tags[Sip2Telemetry.OutcomeTag]}");
        Assert.Equal(["93:ok", "99:protocol_error", "99:connection_error"], outcomes);
        Assert.Equal(["protocol_error", "connection_error"], failures.GetMeasurementSnapshot().Select(m => (string?)m.Tags[Sip2Telemetry.OutcomeTag]));
        var retried = retries.GetMeasurementSnapshot();
        Assert.Equal(client.Options.RetryBudget, retried.Sum(m => m.Value));
        Assert.All(retried, m => Assert.Equal("resend_requested", m.Tags[Sip2Telemetry.ReasonTag]));
    }

    [Fact]
    public async Task A_server_from_AddSip2Server_records_on_the_hosts_meter_factory()
    {
        using var refused = new MetricCollector<long>(Meters, Sip2Telemetry.ServerMeterName, Sip2Telemetry.ServerRefusedConnections);
        await using var provider = new ServiceCollection()
            .AddSingleton(Meters)
            .AddSip2Server(o => o with { Endpoints = [new Sip2.Net.Server.Sip2ListenEndpoint { EndPoint = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0) }] })
            .AddBackend(new CountingBackend())
            .Services.BuildServiceProvider();
        var server = provider.GetRequiredService<Sip2.Net.Server.Sip2Server>(); // the container disposes it
        await server.StartAsync();

        // Nothing is registered: the connection is refused at admission, and the factory's meter counts it.
        await using var client = new Sip2Client(new Sip2ClientOptions { Host = "127.0.0.1", Port = server.BoundEndpoints[0].Port, MeterFactory = Meters });
        await client.ConnectAsync();
        await Assert.ThrowsAsync<Sip2ConnectionException>(() => client.ScStatusAsync());

        var measurement = Assert.Single(refused.GetMeasurementSnapshot());
        Assert.Equal("not registered", measurement.Tags[Sip2Telemetry.ReasonTag]);
    }
}
