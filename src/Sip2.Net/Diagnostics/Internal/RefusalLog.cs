using System;
using System.Collections.Generic;
using System.Net;
using Microsoft.Extensions.Logging;

namespace Sip2.Net.Diagnostics.Internal;

/// <summary>
/// Logs refused connections without letting a flood write a line each: the first refusal of an address in an
/// interval is logged at once, the rest are counted and logged as one line per address when the interval ends.
/// </summary>
internal sealed class RefusalLog(ILogger logger, Sip2ServerMetrics metrics)
{
    /// <summary>How long repeated refusals of one address are gathered into one line.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    // Beyond this many addresses in one interval the rest are counted together, so a scan cannot grow the table.
    private const int MaxAddresses = 10_000;

    private readonly Dictionary<IPAddress, (int Count, string Reason)> repeats = new();
    private int others;

    public void Refused(IPAddress address, string reason)
    {
        metrics.ConnectionRefused(reason);
        lock (repeats)
        {
            if (repeats.TryGetValue(address, out var seen))
            {
                repeats[address] = (seen.Count + 1, reason);
                return;
            }

            if (repeats.Count >= MaxAddresses)
            {
                others++;
                return;
            }

            repeats[address] = (0, reason);
        }

        ServerLog.ConnectionRefused(logger, address, reason);
    }

    /// <summary>Logs the counted repeats of the interval that ended and starts the next.</summary>
    public void Flush()
    {
        List<(IPAddress Address, int Count, string Reason)> lines = new();
        int unlisted;
        lock (repeats)
        {
            foreach (var pair in repeats)
            {
                if (pair.Value.Count > 0)
                {
                    lines.Add((pair.Key, pair.Value.Count, pair.Value.Reason));
                }
            }

            repeats.Clear();
            unlisted = others;
            others = 0;
        }

        foreach (var (address, count, reason) in lines)
        {
            ServerLog.ConnectionsRefused(logger, count, address, Interval.TotalSeconds, reason);
        }

        if (unlisted > 0)
        {
            ServerLog.ConnectionsRefusedElsewhere(logger, unlisted, Interval.TotalSeconds);
        }
    }
}
