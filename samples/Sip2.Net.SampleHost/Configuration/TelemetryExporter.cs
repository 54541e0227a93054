namespace Sip2.Net.SampleHost.Configuration;

/// <summary>Where the sample host sends its traces and metrics (<c>Sip2:Telemetry:Exporter</c>).</summary>
internal enum TelemetryExporter
{
    /// <summary>Nowhere: no OpenTelemetry at all (the default).</summary>
    None = 0,

    /// <summary>Standard output, span by span and metric by metric: to see what the server reports.</summary>
    Console,

    /// <summary>An OpenTelemetry collector over OTLP, at <c>Sip2:Telemetry:OtlpEndpoint</c> (default: OTLP's own, http://localhost:4317).</summary>
    Otlp,
}
