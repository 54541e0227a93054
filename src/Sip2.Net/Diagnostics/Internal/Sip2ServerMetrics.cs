using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Sip2.Net.Messages;

namespace Sip2.Net.Diagnostics.Internal;

/// <summary>
/// The server's instruments, on the meter <c>Sip2.Net.Server</c>: connections open and total, refused
/// connections, messages by command, checksum errors, resends, flushes that waited for the client,
/// connections closed for not reading their answers, and request duration.
/// </summary>
internal sealed class Sip2ServerMetrics
{
    public const string MeterName = "Sip2.Net.Server";

    private static readonly Meter Meter = new(MeterName, "1.0");

    private readonly UpDownCounter<long> open = Meter.CreateUpDownCounter<long>("sip2.server.connections.open", "{connection}", "Connections open now.");
    private readonly Counter<long> total = Meter.CreateCounter<long>("sip2.server.connections.total", "{connection}", "Connections accepted.");
    private readonly Counter<long> refused = Meter.CreateCounter<long>("sip2.server.connections.refused", "{connection}", "Connections refused (unregistered address, caps).");
    private readonly Counter<long> messages = Meter.CreateCounter<long>("sip2.server.messages", "{message}", "Requests answered, by command.");
    private readonly Counter<long> checksumErrors = Meter.CreateCounter<long>("sip2.server.checksum_errors", "{message}", "Requests refused with 96 for a bad or missing checksum.");
    private readonly Counter<long> resends = Meter.CreateCounter<long>("sip2.server.resends", "{message}", "Responses sent again (97 or a retransmitted request).");
    private readonly Counter<long> outputWaits = Meter.CreateCounter<long>("sip2.server.output.waits", "{flush}", "Flushes that had to wait for a client to read its answers.");
    private readonly Counter<long> outputStalls = Meter.CreateCounter<long>("sip2.server.output.stalls", "{connection}", "Connections closed because the client did not take its answers within the write timeout.");
    private readonly Histogram<double> duration = Meter.CreateHistogram<double>("sip2.server.request.duration", "ms", "Time from a complete request to its response being written.");

    public static Sip2ServerMetrics Instance { get; } = new();

    public void ConnectionOpened()
    {
        open.Add(1);
        total.Add(1);
    }

    public void ConnectionClosed() => open.Add(-1);

    public void ConnectionRefused(string reason) => refused.Add(1, new KeyValuePair<string, object?>("reason", reason));

    // "00" to "99", so a tag never formats a number per message.
    private static readonly string[] CommandTexts = CreateCommandTexts();

    /// <summary>Whether anyone listens to the per-message instruments (a duration need not be measured otherwise).</summary>
    public bool MessagesObserved => messages.Enabled || duration.Enabled;

    public void Message(Sip2Command command, double milliseconds)
    {
        if (!MessagesObserved)
        {
            return; // nobody listens: no tags to build
        }

        var code = (int)command;
        var text = code is >= 0 and < 100 ? CommandTexts[code] : code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tags = new TagList { { "command", text } };
        messages.Add(1, tags);
        duration.Record(milliseconds, tags);
    }

    private static string[] CreateCommandTexts()
    {
        var texts = new string[100];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = i.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        }

        return texts;
    }

    public void ChecksumError() => checksumErrors.Add(1);

    public void Resend() => resends.Add(1);

    public void OutputWaited() => outputWaits.Add(1);

    public void OutputStalled() => outputStalls.Add(1);
}
