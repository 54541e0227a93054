using System;
using System.Collections.Generic;

namespace Sip2.Net.SampleHost.Admin;

/// <summary>
/// Failed sign-ins counted per user name and per client address. After <see cref="FreeFailures"/> failures within
/// <see cref="Window"/>, each further attempt must wait longer (1 s, 2 s, 4 s ... up to a minute); after
/// <see cref="LockoutAfter"/> failures the name or address is locked out for <see cref="Lockout"/>. While an attempt must
/// wait, its password is not checked. A successful sign-in clears its user name's count (not its address's, which may
/// be shared by someone guessing another name).
/// </summary>
internal sealed class SignInThrottle(TimeProvider time)
{
    public const int FreeFailures = 3;
    public const int LockoutAfter = 10;
    public const int MaxTracked = 10_000;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, Entry> entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long the attempt must wait; zero when it may go ahead.</summary>
    public TimeSpan RetryAfter(string userName, string address)
    {
        var now = time.GetUtcNow();
        lock (entries)
        {
            var user = Wait(UserKey(userName), now);
            var client = Wait(AddressKey(address), now);
            return user > client ? user : client;
        }
    }

    public void Failed(string userName, string address)
    {
        var now = time.GetUtcNow();
        lock (entries)
        {
            if (entries.Count >= MaxTracked)
            {
                Prune(now);
            }

            Count(UserKey(userName), now);
            Count(AddressKey(address), now);
        }
    }

    public void Succeeded(string userName)
    {
        lock (entries)
        {
            entries.Remove(UserKey(userName));
        }
    }

    private static string UserKey(string userName) => "user:" + userName.Trim();

    private static string AddressKey(string address) => "address:" + address;

    private TimeSpan Wait(string key, DateTimeOffset now)
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            return TimeSpan.Zero;
        }

        if (entry.LockedUntil > now)
        {
            return entry.LockedUntil - now;
        }

        if (now - entry.LastFailure > Window || entry.Failures < FreeFailures)
        {
            return TimeSpan.Zero;
        }

        var delay = TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, Math.Pow(2, entry.Failures - FreeFailures)));
        var allowedAt = entry.LastFailure + delay;
        return allowedAt > now ? allowedAt - now : TimeSpan.Zero;
    }

    private void Count(string key, DateTimeOffset now)
    {
        var entry = entries.TryGetValue(key, out var found) && now - found.LastFailure <= Window ? found : new Entry();
        entry.Failures++;
        entry.LastFailure = now;
        if (entry.Failures >= LockoutAfter)
        {
            entry.LockedUntil = now + Lockout;
            entry.Failures = 0;
        }

        entries[key] = entry;
    }

    private void Prune(DateTimeOffset now)
    {
        var stale = new List<string>();
        foreach (var (key, entry) in entries)
        {
            if (entry.LockedUntil <= now && now - entry.LastFailure > Window)
            {
                stale.Add(key);
            }
        }

        foreach (var key in stale)
        {
            entries.Remove(key);
        }
    }

    private sealed class Entry
    {
        public int Failures { get; set; }

        public DateTimeOffset LastFailure { get; set; }

        public DateTimeOffset LockedUntil { get; set; }
    }
}
