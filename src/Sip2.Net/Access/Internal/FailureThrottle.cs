using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Sip2.Net.Access.Internal;

/// <summary>
/// Failed logins per key (an address, or an address and a registration) across connections: a sliding window of
/// failures and, once the limit is reached, a lockout. A key locked out again soon after its last lockout ended gets
/// twice the previous lockout, up to a ceiling, so a patient guesser slows down geometrically while a kiosk with a
/// mistyped password recovers after one lockout. The checks of one key run one at a time (<see cref="BeginAsync"/> waits
/// for the one before), each deciding on the count the one before left: any number of simultaneous wrong attempts get
/// at most the limit's checks, and simultaneous right ones (a whole site of kiosks sharing one login after a restart)
/// are all let through, the first warming the credential for the rest. A locked key still gets one check per
/// <c>probeInterval</c>, so a stranger's failures slow its real owner down and never shut it out.
/// </summary>
/// <typeparam name="TKey">What failures are counted against.</typeparam>
internal sealed class FailureThrottle<TKey>(TimeProvider time, int limit, TimeSpan window, TimeSpan lockout, TimeSpan maxLockout, TimeSpan probeInterval)
    where TKey : notnull
{
    // Above this many tracked keys, entries with nothing left to remember are swept, so a scan from many addresses
    // cannot grow the table without bound.
    private const int SweepThreshold = 1024;

    private readonly Dictionary<TKey, Entry> entries = new();

    /// <summary>How many keys are remembered (for tests of the sweep).</summary>
    public int Count
    {
        get
        {
            lock (entries)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>Whether the key is locked out now, and for how long.</summary>
    public bool IsLockedOut(TKey key, out TimeSpan retryAfter)
    {
        lock (entries)
        {
            var now = time.GetUtcNow();
            retryAfter = entries.TryGetValue(key, out var entry) && entry.LockedUntil > now ? entry.LockedUntil - now : TimeSpan.Zero;
            return retryAfter > TimeSpan.Zero;
        }
    }

    /// <summary>
    /// Waits for the key's previous check to end, then reserves the next: false (with how long it stays locked) when
    /// the key is locked out and its probe is taken, or when it has reached the limit. A true must be followed by
    /// <see cref="End"/> or <see cref="Cancel"/>.
    /// </summary>
    public async ValueTask<(bool Allowed, TimeSpan RetryAfter)> BeginAsync(TKey key, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (entries)
        {
            if (!entries.TryGetValue(key, out entry!))
            {
                if (entries.Count > SweepThreshold)
                {
                    Sweep(time.GetUtcNow());
                }

                entries[key] = entry = new Entry();
            }

            entry.Waiting++;
        }

        try
        {
            await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            lock (entries)
            {
                entry.Waiting--;
            }

            throw;
        }

        lock (entries)
        {
            entry.Waiting--;
            var now = time.GetUtcNow();
            entry.Forget(now - window);
            var retryAfter = entry.LockedUntil > now ? entry.LockedUntil - now : TimeSpan.Zero;
            var allowed = retryAfter > TimeSpan.Zero ? now >= entry.NextProbe : entry.Failures.Count < limit;
            if (!allowed)
            {
                entry.Gate.Release();
                return (false, retryAfter > TimeSpan.Zero ? retryAfter : window);
            }

            if (retryAfter > TimeSpan.Zero)
            {
                entry.NextProbe = now + probeInterval; // a locked key: one check per interval
            }

            entry.InFlight = 1;
            return (true, TimeSpan.Zero);
        }
    }

    /// <summary>Ends a reserved check: a success forgets the key; a failure counts, and may lock it out (the end returned).</summary>
    public DateTimeOffset? End(TKey key, bool succeeded)
    {
        lock (entries)
        {
            if (!entries.TryGetValue(key, out var entry))
            {
                return null;
            }

            entry.InFlight = 0;
            entry.Gate.Release();
            if (succeeded)
            {
                // Forgotten: failures, lockout and its history (the entry stays while others wait on its gate).
                entry.Failures.Clear();
                entry.LockedUntil = DateTimeOffset.MinValue.AddDays(1);
                entry.LastLockout = TimeSpan.Zero;
                if (entry.Waiting == 0)
                {
                    entries.Remove(key);
                }

                return null;
            }

            return RecordFailure(entry, time.GetUtcNow());
        }
    }

    /// <summary>Gives back a reserved check that did not run: nothing is counted.</summary>
    public void Cancel(TKey key)
    {
        lock (entries)
        {
            if (entries.TryGetValue(key, out var entry) && entry.InFlight == 1)
            {
                entry.InFlight = 0;
                entry.Gate.Release();
            }
        }
    }

    /// <summary>Counts a failure that needed no check (an unknown login id); returns the end of a lockout it started.</summary>
    public DateTimeOffset? RecordFailure(TKey key)
    {
        lock (entries)
        {
            var now = time.GetUtcNow();
            if (!entries.TryGetValue(key, out var entry))
            {
                if (entries.Count > SweepThreshold)
                {
                    Sweep(now);
                }

                entries[key] = entry = new Entry();
            }

            entry.Forget(now - window);
            return RecordFailure(entry, now);
        }
    }

    // Under the lock.
    private DateTimeOffset? RecordFailure(Entry entry, DateTimeOffset now)
    {
        entry.Failures.Enqueue(now);
        if (entry.Failures.Count < limit || entry.LockedUntil > now)
        {
            return null;
        }

        // A repeat offender: locked out again within a window of the last lockout's end. The lockout replaces the
        // counted failures: when it ends, the key starts afresh.
        var repeat = entry.LastLockout > TimeSpan.Zero && now - entry.LockedUntil <= window;
        var duration = repeat ? (entry.LastLockout.Ticks > maxLockout.Ticks / 2 ? maxLockout : TimeSpan.FromTicks(entry.LastLockout.Ticks * 2)) : lockout;
        entry.Failures.Clear();
        entry.LastLockout = duration;
        entry.LockedUntil = now + duration;
        entry.NextProbe = now + probeInterval;
        return entry.LockedUntil;
    }

    // Under the lock: drops keys with nothing left to remember (no failures in the window, no lockout that still matters).
    private void Sweep(DateTimeOffset now)
    {
        var stale = new List<TKey>();
        foreach (var pair in entries)
        {
            pair.Value.Forget(now - window);
            if (pair.Value.Failures.Count == 0 && pair.Value.InFlight == 0 && pair.Value.Waiting == 0 && pair.Value.LockedUntil + window <= now)
            {
                stale.Add(pair.Key);
            }
        }

        stale.ForEach(key => entries.Remove(key));
    }

    private sealed class Entry
    {
        public Queue<DateTimeOffset> Failures { get; } = new();

        // MinValue plus a day so that adding the window in Sweep cannot underflow.
        public DateTimeOffset LockedUntil { get; set; } = DateTimeOffset.MinValue.AddDays(1);

        public DateTimeOffset NextProbe { get; set; } = DateTimeOffset.MinValue;

        public TimeSpan LastLockout { get; set; }

        public int InFlight { get; set; }

        public int Waiting { get; set; }

        // One check of the key at a time; never disposed, since nothing waits on its handle.
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public void Forget(DateTimeOffset before)
        {
            while (Failures.Count > 0 && Failures.Peek() <= before)
            {
                Failures.Dequeue();
            }
        }
    }
}
