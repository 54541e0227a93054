using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Sip2.Net.Client;

namespace Sip2.Net.SampleHost.Tests;

/// <summary>Sip2:Telemetry:Exporter: nothing by default, the console or OTLP when set, a clear refusal for anything else.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task By_default_the_host_registers_no_OpenTelemetry()
    {
        using var host = await SampleHost.BuildAsync(["--Sip2:Port=0"], b => b.Logging.ClearProviders());

        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task The_console_exporter_starts_with_the_host_and_the_server_serves_with_it()
    {
        using var host = await SampleHost.BuildAsync(["--Sip2:Port=0", "--Sip2:Telemetry:Exporter=console"], b => b.Logging.ClearProviders());
        Assert.NotNull(host.Services.GetService<TracerProvider>());
        Assert.NotNull(host.Services.GetService<MeterProvider>());
        await host.StartAsync();
        try
        {
            Assert.True(Sip2.Net.Diagnostics.Internal.ServerActivities.Source.HasListeners()); // the tracer provider subscribed
            await using var kiosk = new Sip2Client(new Sip2ClientOptions { Host = "127.0.0.1", Port = host.BoundEndpoints()[0].Port });
            await kiosk.ConnectAsync();
            await kiosk.LoginAsync("north-kiosk", "north-pass");
            Assert.True((await kiosk.ScStatusAsync()).OnlineStatus);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task The_otlp_exporter_takes_its_endpoint_from_the_settings()
    {
        using var host = await SampleHost.BuildAsync(
            ["--Sip2:Port=0", "--Sip2:Telemetry:Exporter=Otlp", "--Sip2:Telemetry:OtlpEndpoint=http://127.0.0.1:4317"], b => b.Logging.ClearProviders());

        Assert.NotNull(host.Services.GetService<TracerProvider>());
        Assert.NotNull(host.Services.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData("--Sip2:Telemetry:Exporter=Zipkin", "Sip2:Telemetry:Exporter 'Zipkin'")]
    [InlineData("--Sip2:Telemetry:OtlpEndpoint=collector:4317", "Sip2:Telemetry:OtlpEndpoint 'collector:4317'")]
    public async Task An_unknown_exporter_or_a_bad_endpoint_stops_the_start_naming_the_setting(string setting, string message)
    {
        var error = await Assert.ThrowsAsync<SampleHostStartupException>(() =>
            SampleHost.BuildAsync(["--Sip2:Port=0", "--Sip2:Telemetry:Exporter=Otlp", setting], b => b.Logging.ClearProviders()));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
