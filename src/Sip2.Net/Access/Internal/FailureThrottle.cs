using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace Sip2.Net.Access.Internal;

/// <summary>
/// Failed logins per key (an address, a login id) across connections: a sliding window of failure times and,
/// once the limit is reached, a lockout. A key locked out again soon after its last lockout ended gets twice
/// the previous lockout, up to a ceiling, so a patient guesser slows down geometrically while a kiosk with a
/// mistyped password recovers after one lockout. Time comes from the injected <see cref="TimeProvider"/>, so
/// tests move it by hand.
/// </summary>
/// <typeparam name="TKey">What failures are counted against.</typeparam>
internal sealed class FailureThrottle<TKey>
    where TKey : notnull
{
    // Above this many tracked keys, entries with nothing left to remember are swept on the next failure,
    // so a scan from many addresses or login ids cannot grow the table without bound.
    private const int SweepThreshold = 1024;

    private readonly ConcurrentDictionary<TKey, Entry> entries;
    private readonly TimeProvider time;
    private readonly int limit;
    private readonly TimeSpan window;
    private readonly TimeSpan lockout;
    private readonly TimeSpan maxLockout;

    public FailureThrottle(TimeProvider time, int limit, TimeSpan window, TimeSpan lockout, TimeSpan maxLockout, IEqualityComparer<TKey>? comparer = null)
    {
        this.time = time;
        this.limit = limit;
        this.window = window;
        this.lockout = lockout;
        this.maxLockout = maxLockout < lockout ? lockout : maxLockout;
        entries = new ConcurrentDictionary<TKey, Entry>(comparer ?? EqualityComparer<TKey>.Default);
    }

    /// <summary>How many keys are remembered (for tests of the sweep).</summary>
    public int Count => entries.Count;

    /// <summary>Whether the key is locked out now, and for how long.</summary>
    public bool IsLockedOut(TKey key, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!entries.TryGetValue(key, out var entry))
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
    public DateTimeOffset? RecordFailure(TKey key)
    {
        if (entries.Count > SweepThreshold)
        {
            Sweep();
        }

        var now = time.GetUtcNow();
        var entry = entries.GetOrAdd(key, _ => new Entry());
        lock (entry)
        {
            entry.Forget(now - window);
            entry.Failures.Enqueue(now);
            if (entry.Failures.Count < limit)
            {
                return null;
            }

            // A repeat offender: locked out again within a window of the last lockout's end.
            var repeat = entry.LastLockout > TimeSpan.Zero && now - entry.LockedUntil <= window;
            var duration = repeat ? Twice(entry.LastLockout) : lockout;

            // The lockout replaces the counted failures: when it ends, the key starts afresh.
            entry.Failures.Clear();
            entry.LastLockout = duration;
            entry.LockedUntil = now + duration;
            return entry.LockedUntil;
        }
    }

    /// <summary>Forgets the key's failures and lockout history (a successful login with it).</summary>
    public void Reset(TKey key) => entries.TryRemove(key, out _);

    private TimeSpan Twice(TimeSpan previous) =>
        previous.Ticks > maxLockout.Ticks / 2 ? maxLockout : TimeSpan.FromTicks(previous.Ticks * 2);

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var pair in entries)
        {
            lock (pair.Value)
            {
                pair.Value.Forget(now - window);

                // Kept while its lockout (or the window after it, which decides a repeat) still matters.
                if (pair.Value.Failures.Count == 0 && pair.Value.LockedUntil + window <= now)
                {
                    entries.TryRemove(pair.Key, out _);
                }
            }
        }
    }

    private sealed class Entry
    {
        public Queue<DateTimeOffset> Failures { get; } = new();

        // MinValue plus a day so that adding the window in Sweep cannot underflow.
        public DateTimeOffset LockedUntil { get; set; } = DateTimeOffset.MinValue.AddDays(1);

        public TimeSpan LastLockout { get; set; }

        public void Forget(DateTimeOffset before)
        {
            while (Failures.Count > 0 && Failures.Peek() <= before)
            {
                Failures.Dequeue();
            }
        }
    }
}
