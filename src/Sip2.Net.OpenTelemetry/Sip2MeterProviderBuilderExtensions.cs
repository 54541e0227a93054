using System;
using Sip2.Net.Diagnostics;

namespace OpenTelemetry.Metrics;

/// <summary>Adds Sip2.Net's instruments to an OpenTelemetry meter provider.</summary>
public static class Sip2MeterProviderBuilderExtensions
{
    /// <summary>
    /// Subscribes to the server's meter (<see cref="Sip2Telemetry.ServerMeterName"/>) and the client's
    /// (<see cref="Sip2Telemetry.ClientMeterName"/>), whether their meters come from the host's
    /// <see cref="System.Diagnostics.Metrics.IMeterFactory"/> or from the shared fallback.
    /// </summary>
    /// <param name="builder">The meter provider's builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static MeterProviderBuilder AddSip2Instrumentation(this MeterProviderBuilder builder)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        return builder.AddMeter(Sip2Telemetry.ServerMeterName, Sip2Telemetry.ClientMeterName);
    }
}
