using System;
using Sip2.Net.Diagnostics;

namespace OpenTelemetry.Trace;

/// <summary>Adds Sip2.Net's spans to an OpenTelemetry tracer provider.</summary>
public static class Sip2TracerProviderBuilderExtensions
{
    /// <summary>
    /// Subscribes to <see cref="Sip2Telemetry.ActivitySourceName"/>: a server span per SIP2 request
    /// (<see cref="Sip2Telemetry.RequestActivityName"/>) and per login (<see cref="Sip2Telemetry.LoginActivityName"/>).
    /// </summary>
    /// <param name="builder">The tracer provider's builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static TracerProviderBuilder AddSip2Instrumentation(this TracerProviderBuilder builder)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        return builder.AddSource(Sip2Telemetry.ActivitySourceName);
    }
}
