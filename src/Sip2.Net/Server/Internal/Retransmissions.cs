using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Sip2.Net.Messages;

namespace Sip2.Net.Server.Internal;

/// <summary>
/// The last state-changing request of every connection of each registration, for the one case a connection cannot see
/// by itself: a kiosk that lost its connection and resends, on a new one, the request it got no answer to. A request is
/// matched by its content without the trailer (a kiosk may restart its sequence numbers on a new connection), only when
/// it has a real transaction date (two identical requests without one may be two transactions), and only against the
/// last request of another connection, which each connection replaces with its next one. So other kiosks' traffic never
/// evicts an entry, an identical request after an intervening change runs again, and a connection's entry outlives the
/// connection by the retransmission window. A request still running is waited for, so the resend learns the real
/// outcome; one whose back end failed is forgotten, so trying again runs it again.
/// </summary>
internal sealed class Retransmissions(TimeProvider time)
{
    // A registration shared by more kiosks than this is pruned oldest first: a bound on memory, far above real use.
    internal const int MaxEntriesPerRegistration = 4096;

    private readonly Dictionary<Guid, Dictionary<string, Entry>> registrations = new();

    /// <summary>A request's claim on its registration's table: the earlier outcome to replay, or this one to settle.</summary>
    public Entry? Begin(Guid registration, string connectionId, Sip2Message request, TimeSpan window, out Entry? claim)
    {
        claim = null;
        var now = time.GetUtcNow();
        lock (registrations)
        {
            if (!registrations.TryGetValue(registration, out var entries))
            {
                registrations[registration] = entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
            }

            foreach (var entry in entries.Values)
            {
                if (entry.ConnectionId != connectionId && now - entry.Started <= window && entry.Request.Equals(request))
                {
                    return entry;
                }
            }

            entries[connectionId] = claim = new Entry(connectionId, request, now);
            if (entries.Count > MaxEntriesPerRegistration)
            {
                // The oldest settled entries go first; one still running stays until it is settled.
                foreach (var oldest in entries.Values.Where(e => e.Outcome.IsCompleted).OrderBy(e => e.Started).Take(entries.Count / 4).ToList())
                {
                    entries.Remove(oldest.ConnectionId);
                }
            }

            return null;
        }
    }

    /// <summary>Forgets a failed request: a resend of it runs afresh.</summary>
    public void Forget(Guid registration, Entry entry)
    {
        lock (registrations)
        {
            if (registrations.TryGetValue(registration, out var entries) && entries.TryGetValue(entry.ConnectionId, out var current) && current == entry)
            {
                entries.Remove(entry.ConnectionId);
            }
        }
    }

    /// <summary>How many registrations have a table now.</summary>
    internal int RegistrationCount
    {
        get
        {
            lock (registrations)
            {
                return registrations.Count;
            }
        }
    }

    /// <summary>
    /// Drops settled entries older than the longest window, and the tables left empty, so a registration deleted or
    /// idle holds nothing (the heartbeat calls it).
    /// </summary>
    public void Prune(TimeSpan longestWindow)
    {
        var now = time.GetUtcNow();
        lock (registrations)
        {
            foreach (var table in registrations.ToList())
            {
                var entries = table.Value;
                foreach (var old in entries.Where(e => now - e.Value.Started > longestWindow && e.Value.Outcome.IsCompleted).Select(e => e.Key).ToList())
                {
                    entries.Remove(old);
                }

                if (entries.Count == 0)
                {
                    registrations.Remove(table.Key);
                }
            }
        }
    }

    /// <summary>One connection's last state-changing request and its outcome (null when the back end failed).</summary>
    public sealed class Entry(string connectionId, Sip2Message request, DateTimeOffset started)
    {
        private readonly TaskCompletionSource<Sip2Message?> outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string ConnectionId { get; } = connectionId;

        public Sip2Message Request { get; } = request;

        public DateTimeOffset Started { get; } = started;

        public Task<Sip2Message?> Outcome => outcome.Task;

        public void Settle(Sip2Message? response) => outcome.TrySetResult(response);
    }
}
