using System;
using System.Threading;

namespace Sip2.Net.Server.Internal;

/// <summary>
/// One timer for every deadline of every connection (login, idle, a message started and not finished, a client not
/// taking its answers): each tick walks the connections and ends those whose deadline passed, so a read or a write
/// arms no timer of its own. From the TimeProvider, so a test moves a fake clock and the tick follows.
/// </summary>
internal sealed class Heartbeat(TimeProvider time, Action tick) : IDisposable
{
    /// <summary>How often deadlines are checked: a timeout ends within this much after it passes.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    private readonly ITimer timer = time.CreateTimer(static state => ((Action)state!)(), tick, Period, Period);

    public void Dispose() => timer.Dispose();
}
