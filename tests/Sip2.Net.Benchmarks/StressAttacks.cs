using System.Net;
using System.Net.Sockets;

namespace Sip2.Net.Benchmarks;

/// <summary>
/// The hostile-network battery of issue 24, one attack at a time. Who plays whom, on loopback:
/// <list type="bullet">
/// <item>127.0.0.1: the legitimate kiosks (<see cref="StressKiosks"/>), registrations <c>kiosk-00000</c> onwards;</item>
/// <item>127.0.0.2 to 127.0.0.5: registered addresses (one registration each, <c>site-2</c> to <c>site-5</c>) that
/// connect and never log in: the idle, slowloris, 1 MiB line and garbage attacks, spread over the four so that the
/// per-address cap is not all they meet;</item>
/// <item>127.0.0.6 to 127.0.0.8: registered addresses that send wrong passwords for the kiosks' login ids (lockout);</item>
/// <item>127.0.0.9: a registered address whose client logs in and then sends a lone LF every few seconds (lone-lf);</item>
/// <item>127.0.0.100 to 127.0.0.102: unregistered addresses: stalled and full TLS handshakes, connect/close floods.</item>
/// </list>
/// Holding attacks keep their connections open and open a new one a moment after the server closes one; looping
/// attacks repeat one short exchange on each of their parallel loops as fast as it goes.
/// </summary>
internal static partial class StressAttacks
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    // How long a holding attack waits before it replaces a connection the server closed: pressure kept up, without
    // becoming a connect/close flood of its own.
    private static readonly TimeSpan Reconnect = TimeSpan.FromMilliseconds(250);

    private static readonly StressAttack[] All =
    [
        new("tls-stall", n => $"{n} TLS connections from unregistered 127.0.0.100 that stall the handshake (half send nothing, half a partial ClientHello)",
            600, Holds: true, "-", "-", StallTlsAsync),
        new("tls-full", n => $"full TLS handshakes (no resumption) from unregistered 127.0.0.101 in a loop, {n} in parallel",
            8, Holds: false, "handshakes completed", "handshakes failed", FullTlsAsync),
        new("connect-close", n => $"TCP connect and close at once from unregistered 127.0.0.102 in a loop, {n} in parallel",
            8, Holds: false, "-", "-", ConnectCloseAsync),
        new("idle", n => $"{n} silent connections from registered 127.0.0.2-5 that never log in",
            3_000, Holds: true, "-", "-", IdleAsync),
        new("slowloris", n => $"{n} connections from registered 127.0.0.2-5, each sending a byte of a login (never its CR) every {SlowlorisInterval.TotalSeconds:F0} s",
            200, Holds: true, "-", "-", SlowlorisAsync),
        new("long-lines", n => $"1 MiB lines without CR until the end, from registered 127.0.0.2-5, {n} in parallel",
            4, Holds: false, "lines sent whole", "lines cut off by the server", LongLinesAsync),
        new("garbage", n => $"random bytes with CRs, 256 KiB a connection, from registered 127.0.0.2-5, {n} in parallel",
            4, Holds: false, "connections that took all 256 KiB", "closed by the server before", GarbageAsync),
        new("lone-lf", n => $"{n} connections from registered 127.0.0.9 that log in, then send a lone LF every {LoneLfInterval.TotalSeconds:F0} s",
            10, Holds: true, "logged in", "login refused", LoneLfAsync),
        new("lockout", n => $"wrong passwords for the kiosks' login ids from registered 127.0.0.6-8 (three a connection, two connections an id in turn), {n} in parallel",
            4, Holds: false, "logins accepted", "logins refused", LockoutAsync),
    ];

    /// <summary>Every attack's name, in the battery's order (lockout last: a lockout outlasts the attack that caused it).</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(a => a.Name).ToArray();

    /// <summary>The attack of that name, or null.</summary>
    public static StressAttack? Find(string name) => All.FirstOrDefault(a => a.Name == name);

    private static IPAddress Unregistered(int index) => new([127, 0, 0, (byte)(100 + index)]);

    // The four registered addresses that never log in, taken in turn.
    private static IPAddress PreLogin(int index) => BenchLogins.ExtraAddress(index % 4);

    /// <summary>
    /// Keeps <paramref name="context"/>.Count connections from <paramref name="source"/> to <paramref name="target"/>,
    /// each running <paramref name="behave"/> (true when the server closed it, false when the attack's time was up),
    /// opened over a second or so; with <paramref name="replace"/>, a connection the server closed is opened again.
    /// </summary>
    private static Task HoldAsync(StressAttackContext context, Func<int, IPAddress> source, IPEndPoint target, bool replace, Func<Socket, int, CancellationToken, Task<bool>> behave) =>
        Task.WhenAll(Enumerable.Range(0, context.Count).Select(i => Task.Run(async () =>
        {
            var stop = context.Stop;
            if (!await PauseAsync(TimeSpan.FromMilliseconds(i / 50 * 20), stop))
            {
                return;
            }

            do
            {
                var socket = await OpenAsync(context, source(i), target);
                if (socket is null)
                {
                    continue;
                }

                var openedAt = context.Counters.Opened();
                var how = StressClose.AtEnd;
                try
                {
                    how = await behave(socket, i, stop) ? StressClose.ByServer : StressClose.AtEnd;
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                }
                catch (Exception exception) when (exception is SocketException or IOException)
                {
                    how = StressClose.ByServer;
                }
                finally
                {
                    socket.Dispose();
                    context.Counters.Closed(openedAt, how);
                }

                if (how == StressClose.AtEnd)
                {
                    return;
                }
            }
            while (replace && await PauseAsync(Reconnect, stop));
        }, CancellationToken.None)));

    /// <summary>
    /// Runs <paramref name="context"/>.Count loops, each connecting from <paramref name="source"/> (given a running
    /// number) to <paramref name="target"/> and running <paramref name="once"/> on the connection, until the stop.
    /// </summary>
    private static Task LoopAsync(StressAttackContext context, Func<long, IPAddress> source, IPEndPoint target, Func<Socket, long, CancellationToken, Task<StressClose>> once)
    {
        long serial = 0;
        return Task.WhenAll(Enumerable.Range(0, context.Count).Select(_ => Task.Run(async () =>
        {
            var stop = context.Stop;
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref serial);
                var socket = await OpenAsync(context, source(n), target);
                if (socket is null)
                {
                    await PauseAsync(TimeSpan.FromMilliseconds(5), stop); // refused at once: not a spin
                    continue;
                }

                var openedAt = context.Counters.Opened();
                var how = StressClose.AtEnd;
                try
                {
                    how = await once(socket, n, stop);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                }
                catch (Exception exception) when (exception is SocketException or IOException or System.Security.Authentication.AuthenticationException)
                {
                    how = StressClose.ByServer;
                }
                finally
                {
                    socket.Dispose();
                    context.Counters.Closed(openedAt, how);
                }
            }
        }, CancellationToken.None)));
    }

    // One connect, counted; null when it failed or the attack is over.
    private static async Task<Socket?> OpenAsync(StressAttackContext context, IPAddress source, IPEndPoint target)
    {
        if (context.Stop.IsCancellationRequested)
        {
            return null;
        }

        context.Counters.Attempt();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.Stop);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            return await KioskWire.ConnectAsync(target, source, timeout.Token);
        }
        catch (OperationCanceledException) when (context.Stop.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            context.Counters.ConnectFailure();
            return null;
        }
    }

    // Waits; false when the attack ended meanwhile.
    private static async Task<bool> PauseAsync(TimeSpan pause, CancellationToken stop)
    {
        try
        {
            await Task.Delay(pause, stop);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    // Waits for the server to close the socket for at most `limit`: ByServer when it did, else ByAttack.
    private static async Task<StressClose> CloseWithinAsync(Socket socket, TimeSpan limit, CancellationToken stop)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop);
        wait.CancelAfter(limit);
        return await KioskWire.WaitForCloseAsync(socket, wait.Token) ? StressClose.ByServer : StressClose.ByAttack;
    }
}
