using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Sip2.Net.SampleHost.Configuration;

/// <summary>
/// OpenTelemetry for the sample host, from two settings of its own: <c>Sip2:Telemetry:Exporter</c> (None, Console or
/// Otlp) and <c>Sip2:Telemetry:OtlpEndpoint</c>. With None nothing is registered, so the server's spans and instruments
/// cost it nothing. Read here, apart from the other settings, so that it stays one call in <see cref="SampleHost"/>.
/// </summary>
internal static class TelemetrySetup
{
    public const string ExporterKey = "Sip2:Telemetry:Exporter";
    public const string OtlpEndpointKey = "Sip2:Telemetry:OtlpEndpoint";

    /// <summary>Registers the configured exporter for the SIP2 server's and client's spans and metrics; returns which.</summary>
    /// <exception cref="SampleHostStartupException">A setting is not one the host knows.</exception>
    public static TelemetryExporter Add(IServiceCollection services, IConfiguration configuration)
    {
        var exporter = ReadExporter(configuration);
        if (exporter == TelemetryExporter.None)
        {
            return exporter;
        }

        var endpoint = ReadEndpoint(configuration);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("Sip2.Net.SampleHost"))
            .WithTracing(tracing =>
            {
                tracing.AddSip2Instrumentation();
                _ = exporter == TelemetryExporter.Console ? tracing.AddConsoleExporter() : tracing.AddOtlpExporter(o => o.Endpoint = endpoint ?? o.Endpoint);
            })
            .WithMetrics(metrics =>
            {
                metrics.AddSip2Instrumentation();
                _ = exporter == TelemetryExporter.Console ? metrics.AddConsoleExporter() : metrics.AddOtlpExporter(o => o.Endpoint = endpoint ?? o.Endpoint);
            });
        return exporter;
    }

    private static TelemetryExporter ReadExporter(IConfiguration configuration)
    {
        var text = configuration[ExporterKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return TelemetryExporter.None;
        }

        return Enum.TryParse<TelemetryExporter>(text, ignoreCase: true, out var exporter) && Enum.IsDefined(exporter)
            ? exporter
            : throw new SampleHostStartupException($"configuration: {ExporterKey} '{text}' is not None, Console or Otlp.");
    }

    private static Uri? ReadEndpoint(IConfiguration configuration)
    {
        var text = configuration[OtlpEndpointKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new SampleHostStartupException($"configuration: {OtlpEndpointKey} '{text}' is not an http:// or https:// address (e.g. http://localhost:4317).");
    }
}
