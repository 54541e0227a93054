using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Sip2.Net.Server;

namespace Sip2.Net.TestSupport;

/// <summary>Driving a server's deadlines with a fake clock, shared by the test projects.</summary>
internal static class FakeClock
{
    /// <summary>
    /// Moves <paramref name="time"/> on by <paramref name="span"/> once every connection of the server waits for its
    /// client (a read, or a flush the client does not take): each deadline is then set, and the heartbeat's ticks on the
    /// way see every one that passed. No real time passes and nothing is polled.
    /// </summary>
    public static async Task AdvanceAsync(Sip2ConnectionHandler handler, FakeTimeProvider time, TimeSpan span)
    {
        await handler.IdleAsync().ConfigureAwait(false);
        time.Advance(span);
    }

    /// <summary>
    /// Moves <paramref name="time"/> on by <paramref name="span"/> each time every connection waits for its client, until
    /// <paramref name="outcome"/> is done (at most <paramref name="rounds"/> times). For a connection that may be between
    /// two waits when the clock moves (a flush that completed while the socket still drained, and the next one that
    /// stalls, with a deadline from the clock's new time): the next round passes that deadline too. True when done.
    /// </summary>
    public static async Task<bool> AdvanceUntilAsync(Sip2ConnectionHandler handler, FakeTimeProvider time, TimeSpan span, Task outcome, int rounds = 5)
    {
        for (var round = 0; round < rounds && !outcome.IsCompleted; round++)
        {
            await AdvanceAsync(handler, time, span).ConfigureAwait(false);
            await Task.WhenAny(outcome, handler.IdleAsync(next: true)).ConfigureAwait(false);
        }

        return outcome.IsCompleted;
    }

    /// <summary>The heartbeat's period: a deadline ends its connection at most this long after it passed.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);
}
