using System.Collections.Concurrent;
using System.Diagnostics;

namespace Sip2.Net.Benchmarks;

/// <summary>
/// What one attack saw from the client's side, counted by its connections as they go. <see cref="Completed"/> and
/// <see cref="Refused"/> mean what the attack says they mean (<see cref="StressAttack.CompletedMeans"/>): handshakes
/// completed and failed, lines sent whole and cut off, logins answered 941 and 940.
/// </summary>
internal sealed class StressCounters(TimeSpan idleTimeout)
{
    private readonly ConcurrentBag<long> held = [];
    private readonly long idleTicks = (long)(idleTimeout.TotalSeconds * Stopwatch.Frequency);
    private long attempts, connected, connectFailed, closedByServer, completed, refused, open, openAtEnd, openPastIdle;

    public long Attempts => Interlocked.Read(ref attempts);

    public long Connected => Interlocked.Read(ref connected);

    public long ConnectFailed => Interlocked.Read(ref connectFailed);

    public long ClosedByServer => Interlocked.Read(ref closedByServer);

    public long Completed => Interlocked.Read(ref completed);

    public long Refused => Interlocked.Read(ref refused);

    /// <summary>Attack connections open now.</summary>
    public long Open => Interlocked.Read(ref open);

    /// <summary>Attack connections still open when the attack's time was up (then closed by the attack).</summary>
    public long OpenAtEnd => Interlocked.Read(ref openAtEnd);

    /// <summary>Of those open at the end, how many had been open longer than the server's idle timeout.</summary>
    public long OpenPastIdleTimeout => Interlocked.Read(ref openPastIdle);

    /// <summary>How long the server held each connection it closed, from the connect to its close, in ticks, sorted.</summary>
    public long[] HeldByServer => Percentiles.Sorted(held);

    public void Attempt() => Interlocked.Increment(ref attempts);

    public void ConnectFailure() => Interlocked.Increment(ref connectFailed);

    public void Complete() => Interlocked.Increment(ref completed);

    public void Refuse() => Interlocked.Increment(ref refused);

    /// <summary>A connection was made; returns its start, for <see cref="Closed"/>.</summary>
    public long Opened()
    {
        Interlocked.Increment(ref connected);
        Interlocked.Increment(ref open);
        return Stopwatch.GetTimestamp();
    }

    /// <summary>A connection opened at <paramref name="openedAt"/> ended: closed by the server, by the attack, or at its end.</summary>
    public void Closed(long openedAt, StressClose how)
    {
        Interlocked.Decrement(ref open);
        var lasted = Stopwatch.GetTimestamp() - openedAt;
        if (how == StressClose.ByServer)
        {
            Interlocked.Increment(ref closedByServer);
            held.Add(lasted);
        }
        else if (how == StressClose.AtEnd)
        {
            Interlocked.Increment(ref openAtEnd);
            if (lasted > idleTicks)
            {
                Interlocked.Increment(ref openPastIdle);
            }
        }
    }
}
