using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using Sip2.Net.Messages;

namespace Sip2.Net.Diagnostics.Internal;

/// <summary>
/// The server's instruments, on the meter <see cref="Sip2Telemetry.ServerMeterName"/>: from the host's
/// <see cref="IMeterFactory"/> when there is one (so its meters are scoped to it and disposed with it), else on one
/// meter shared by every server of the process. Every method checks first whether anyone listens, so an unobserved
/// server builds no tags.
/// </summary>
internal sealed class Sip2ServerMetrics
{
    private readonly UpDownCounter<long> open;
    private readonly Counter<long> total;
    private readonly Counter<long> refused;
    private readonly Counter<long> logins;
    private readonly Counter<long> checksumErrors;
    private readonly Counter<long> resends;
    private readonly Counter<long> outputWaits;
    private readonly Counter<long> outputStalls;
    private readonly Histogram<double> duration;

    private Sip2ServerMetrics(Meter meter)
    {
        open = meter.CreateUpDownCounter<long>(Sip2Telemetry.ServerActiveConnections, "{connection}", "Connections open now.");
        total = meter.CreateCounter<long>(Sip2Telemetry.ServerConnections, "{connection}", "Connections admitted.");
        refused = meter.CreateCounter<long>(Sip2Telemetry.ServerRefusedConnections, "{connection}", "Connections refused at admission (unregistered address, caps).");
        logins = meter.CreateCounter<long>(Sip2Telemetry.ServerLogins, "{login}", "Logins decided, by outcome.");
        checksumErrors = meter.CreateCounter<long>(Sip2Telemetry.ServerChecksumErrors, "{message}", "Requests refused with 96 for a bad or missing checksum.");
        resends = meter.CreateCounter<long>(Sip2Telemetry.ServerResends, "{message}", "Answers sent again (97 or a retransmitted request).");
        outputWaits = meter.CreateCounter<long>(Sip2Telemetry.ServerOutputWaits, "{flush}", "Flushes that had to wait for a client to read its answers.");
        outputStalls = meter.CreateCounter<long>(Sip2Telemetry.ServerOutputStalls, "{connection}", "Connections closed because the client did not take its answers within the write timeout.");
        duration = meter.CreateHistogram<double>(Sip2Telemetry.ServerRequestDuration, "s", "Time from a complete request to its answer being written.");
    }

    internal static string Version { get; } = typeof(Sip2ServerMetrics).Assembly.GetName().Version?.ToString() ?? "1.0";

    /// <summary>The instruments of servers created without an <see cref="IMeterFactory"/>: one meter for the process.</summary>
    public static Sip2ServerMetrics Shared { get; } = new(new Meter(Sip2Telemetry.ServerMeterName, Version)); // after Version: initialisers run in order

    /// <summary>Whether anyone listens to request durations (a duration need not be measured otherwise).</summary>
    public bool RequestsObserved => duration.Enabled;

    public static Sip2ServerMetrics Create(IMeterFactory? factory) =>
        factory is null ? Shared : new Sip2ServerMetrics(factory.Create(new MeterOptions(Sip2Telemetry.ServerMeterName) { Version = Version }));

    public void ConnectionOpened()
    {
        open.Add(1);
        total.Add(1);
    }

    public void ConnectionClosed() => open.Add(-1);

    public void ConnectionRefused(string reason)
    {
        if (refused.Enabled)
        {
            refused.Add(1, new KeyValuePair<string, object?>(Sip2Telemetry.ReasonTag, reason));
        }
    }

    public void Request(Sip2Command command, string outcome, double seconds)
    {
        if (!duration.Enabled)
        {
            return; // nobody listens: no tags to build
        }

        duration.Record(seconds, new TagList { { Sip2Telemetry.CommandTag, CommandTexts.Of(command) }, { Sip2Telemetry.OutcomeTag, outcome } });
    }

    public void Login(string outcome)
    {
        if (logins.Enabled)
        {
            logins.Add(1, new KeyValuePair<string, object?>(Sip2Telemetry.OutcomeTag, outcome));
        }
    }

    public void ChecksumError() => checksumErrors.Add(1);

    public void Resend() => resends.Add(1);

    public void OutputWaited() => outputWaits.Add(1);

    public void OutputStalled() => outputStalls.Add(1);
}
