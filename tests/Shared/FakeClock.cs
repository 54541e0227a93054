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

    /// <summary>The heartbeat's period: a deadline ends its connection at most this long after it passed.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);
}
