using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;

namespace Sip2.Net.Access;

/// <summary>
/// Failed logins per address across connections: a sliding window of failure times and, once the limit is
/// reached, a lockout. Time comes from the injected <see cref="TimeProvider"/>, so tests move it by hand.
/// </summary>
internal sealed class AddressThrottle
{
    // Above this many tracked addresses, entries with nothing left to remember are swept on the next failure,
    // so a scan from many addresses cannot grow the table without bound.
    private const int SweepThreshold = 1024;

    private readonly ConcurrentDictionary<IPAddress, Entry> entries = new();
    private readonly TimeProvider time;
    private readonly int limit;
    private readonly TimeSpan window;
    private readonly TimeSpan lockout;

    public AddressThrottle(TimeProvider time, int limit, TimeSpan window, TimeSpan lockout)
    {
        this.time = time;
        this.limit = limit;
        this.window = window;
        this.lockout = lockout;
    }

    /// <summary>Whether the address is locked out now, and for how long.</summary>
    public bool IsLockedOut(IPAddress address, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!entries.TryGetValue(address, out var entry))
        {
            return false;
        }

        var now = time.GetUtcNow();
        lock (entry)
        {
            if (entry.LockedUntil > now)
            {
                retryAfter = entry.LockedUntil - now;
                return true;
            }

            return false;
        }
    }

    /// <summary>Counts a failure; returns the end of the lockout when this failure started one.</summary>
    public DateTimeOffset? RecordFailure(IPAddress address)
    {
        if (entries.Count > SweepThreshold)
        {
            Sweep();
        }

        var now = time.GetUtcNow();
        var entry = entries.GetOrAdd(address, _ => new Entry());
        lock (entry)
        {
            entry.Forget(now - window);
            entry.Failures.Enqueue(now);
            if (entry.Failures.Count < limit)
            {
                return null;
            }

            // The lockout replaces the counted failures: when it ends, the address starts afresh.
            entry.Failures.Clear();
            entry.LockedUntil = now + lockout;
            return entry.LockedUntil;
        }
    }

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var pair in entries)
        {
            lock (pair.Value)
            {
                pair.Value.Forget(now - window);
                if (pair.Value.Failures.Count == 0 && pair.Value.LockedUntil <= now)
                {
                    entries.TryRemove(pair.Key, out _);
                }
            }
        }
    }

    private sealed class Entry
    {
        public Queue<DateTimeOffset> Failures { get; } = new();

        public DateTimeOffset LockedUntil { get; set; } = DateTimeOffset.MinValue;

        public void Forget(DateTimeOffset before)
        {
            while (Failures.Count > 0 && Failures.Peek() <= before)
            {
                Failures.Dequeue();
            }
        }
    }
}
