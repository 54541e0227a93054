using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using Sip2.Net.Client;
using Sip2.Net.Messages;

namespace Sip2.Net.Diagnostics.Internal;

/// <summary>
/// The client's instruments, on the meter <see cref="Sip2Telemetry.ClientMeterName"/>: from
/// <see cref="Sip2ClientOptions.MeterFactory"/> when set, else on one meter shared by every client of the process.
/// Nothing is measured or tagged while nobody listens.
/// </summary>
internal sealed class Sip2ClientMetrics
{
    private readonly Histogram<double> duration;
    private readonly Counter<long> failures;
    private readonly Counter<long> retries;

    private Sip2ClientMetrics(Meter meter)
    {
        duration = meter.CreateHistogram<double>(Sip2Telemetry.ClientRequestDuration, "s", "One request's exchange with the ACS, retries included.");
        failures = meter.CreateCounter<long>(Sip2Telemetry.ClientFailures, "{request}", "Requests that failed: timeout, lost connection, unusable response.");
        retries = meter.CreateCounter<long>(Sip2Telemetry.ClientRetries, "{retry}", "Requests repeated: a 97 after a corrupted response, or a resend after a 96.");
    }

    private static Sip2ClientMetrics Shared { get; } = new(new Meter(Sip2Telemetry.ClientMeterName, Sip2ServerMetrics.Version));

    public static Sip2ClientMetrics Create(IMeterFactory? factory) =>
        factory is null ? Shared : new Sip2ClientMetrics(factory.Create(new MeterOptions(Sip2Telemetry.ClientMeterName) { Version = Sip2ServerMetrics.Version }));

    /// <summary>A start timestamp, or 0 when nobody listens to durations (the clock is not read then).</summary>
    public long Start(TimeProvider time) => duration.Enabled ? time.GetTimestamp() : 0;

    /// <summary>Records one request; <paramref name="failure"/> is what it threw, or null when it was answered.</summary>
    public void Completed(Sip2Command? command, TimeProvider time, long started, Exception? failure)
    {
        if (!duration.Enabled && !failures.Enabled)
        {
            return;
        }

        var outcome = failure switch
        {
            null => Outcomes.Ok,
            Sip2TimeoutException => Outcomes.Timeout,
            Sip2ConnectionException => Outcomes.ConnectionError,
            Sip2ProtocolException => Outcomes.ProtocolError,
            OperationCanceledException => Outcomes.Canceled,
            _ => Outcomes.Error,
        };
        var tags = new TagList { { Sip2Telemetry.CommandTag, command is { } c ? CommandTexts.Of(c) : "unknown" }, { Sip2Telemetry.OutcomeTag, outcome } };
        if (started != 0 && duration.Enabled)
        {
            duration.Record(time.GetElapsedTime(started).TotalSeconds, tags);
        }

        if (failure is not null and not OperationCanceledException)
        {
            failures.Add(1, tags); // a cancellation is the caller's choice, not a failure
        }
    }

    public void Retried(bool corrupted)
    {
        if (retries.Enabled)
        {
            retries.Add(1, new KeyValuePair<string, object?>(Sip2Telemetry.ReasonTag, corrupted ? "checksum_mismatch" : "resend_requested"));
        }
    }
}
