using System.Net.Sockets;

namespace Sip2.Net.Benchmarks;

/// <summary>What each attack does on its connections (the catalogue and the helpers are in StressAttacks.cs).</summary>
internal static partial class StressAttacks
{
    private static readonly TimeSpan SlowlorisInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LoneLfInterval = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(10);

    // After an exchange that should make the server close (a refused admission, a limit), how long to wait for it.
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(2);

    private const int LongLineBytes = 1024 * 1024;
    private const int GarbageBytes = 256 * 1024;

    /// <summary>
    /// The start of a TLS 1.2 ClientHello as a client sends it: a handshake record header announcing 512 bytes, the
    /// handshake header, the version and 32 bytes of "random", and then nothing: the server waits for the rest.
    /// </summary>
    private static readonly byte[] PartialClientHello =
    [
        0x16, 0x03, 0x01, 0x02, 0x00, // record: handshake, TLS 1.0 on the record layer, 512 bytes
        0x01, 0x00, 0x01, 0xFC, // ClientHello, 508 bytes
        0x03, 0x03, // client version TLS 1.2
        .. Enumerable.Range(0, 32).Select(i => (byte)(i * 37)),
    ];

    private static Task StallTlsAsync(StressAttackContext context) =>
        HoldAsync(context, _ => Unregistered(0), context.Tls, replace: true, async (socket, i, stop) =>
        {
            if (i % 2 == 1)
            {
                await socket.SendAsync(PartialClientHello, SocketFlags.None, stop);
            }

            return await KioskWire.WaitForCloseAsync(socket, stop);
        });

    private static Task FullTlsAsync(StressAttackContext context) =>
        LoopAsync(context, _ => Unregistered(1), context.Tls, async (socket, _, stop) =>
        {
            using var handshake = CancellationTokenSource.CreateLinkedTokenSource(stop);
            handshake.CancelAfter(HandshakeTimeout);
            var stream = new NetworkStream(socket, ownsSocket: false);
            try
            {
                await using var tls = await KioskWire.AuthenticateAsync(stream, context.Thumbprint, resume: false, handshake.Token);
                context.Counters.Complete();
            }
            catch (Exception exception) when (exception is IOException or System.Security.Authentication.AuthenticationException
                || (exception is OperationCanceledException && !stop.IsCancellationRequested))
            {
                context.Counters.Refuse();
                return StressClose.ByServer;
            }

            // Not admitted (the address is not registered): the server should close at once.
            return await CloseWithinAsync(socket, CloseWait, stop);
        });

    private static Task ConnectCloseAsync(StressAttackContext context) =>
        LoopAsync(context, _ => Unregistered(2), context.Plain, (_, _, _) => Task.FromResult(StressClose.ByAttack));

    private static Task IdleAsync(StressAttackContext context) =>
        HoldAsync(context, PreLogin, context.Plain, replace: true, (socket, _, stop) => KioskWire.WaitForCloseAsync(socket, stop));

    private static Task SlowlorisAsync(StressAttackContext context)
    {
        var login = KioskWire.LoginFrame("slow", "loris");
        var unfinished = login.AsMemory(0, login.Length - 1); // everything but the CR, round and round
        return HoldAsync(context, PreLogin, context.Plain, replace: true, async (socket, _, stop) =>
        {
            var closed = KioskWire.WaitForCloseAsync(socket, stop);
            for (var sent = 0; ; sent++)
            {
                await Task.WhenAny(closed, Task.Delay(SlowlorisInterval, stop));
                if (closed.IsCompleted || stop.IsCancellationRequested)
                {
                    return await closed;
                }

                await socket.SendAsync(unfinished.Slice(sent % unfinished.Length, 1), SocketFlags.None, stop);
            }
        });
    }

    private static Task LongLinesAsync(StressAttackContext context)
    {
        var chunk = Enumerable.Repeat((byte)'A', 64 * 1024).ToArray();
        return LoopAsync(context, n => PreLogin((int)n), context.Plain, async (socket, _, stop) =>
        {
            var closed = KioskWire.WaitForCloseAsync(socket, stop);
            for (var sent = 0; sent < LongLineBytes; sent += chunk.Length)
            {
                if (closed.IsCompleted)
                {
                    context.Counters.Refuse();
                    return StressClose.ByServer;
                }

                try
                {
                    await socket.SendAsync(chunk, SocketFlags.None, stop);
                }
                catch (SocketException)
                {
                    context.Counters.Refuse();
                    return StressClose.ByServer;
                }
            }

            await socket.SendAsync("\r"u8.ToArray(), SocketFlags.None, stop);
            context.Counters.Complete();
            return await CloseWithinAsync(socket, CloseWait, stop);
        });
    }

    private static Task GarbageAsync(StressAttackContext context) =>
        LoopAsync(context, n => PreLogin((int)n), context.Plain, async (socket, n, stop) =>
        {
            var random = new Random((int)n);
            var chunk = new byte[4096];
            var closed = KioskWire.WaitForCloseAsync(socket, stop); // also takes whatever the server answers (96s)
            for (var sent = 0; sent < GarbageBytes; sent += chunk.Length)
            {
                random.NextBytes(chunk);
                for (var i = random.Next(64); i < chunk.Length; i += 1 + random.Next(128))
                {
                    chunk[i] = (byte)'\r'; // frames of every length, so that the parser sees many, not one long line
                }

                if (closed.IsCompleted)
                {
                    context.Counters.Refuse();
                    return StressClose.ByServer;
                }

                try
                {
                    await socket.SendAsync(chunk, SocketFlags.None, stop);
                }
                catch (SocketException)
                {
                    context.Counters.Refuse();
                    return StressClose.ByServer;
                }
            }

            context.Counters.Complete();
            return await CloseWithinAsync(socket, CloseWait, stop);
        });

    private static Task LoneLfAsync(StressAttackContext context)
    {
        var source = BenchLogins.ExtraAddress(7);
        var login = KioskWire.LoginFrame(BenchLogins.ExtraLoginId(7), BenchLogins.SharedPassword);
        return HoldAsync(context, _ => source, context.Plain, replace: false, async (socket, _, stop) =>
        {
            await using (var stream = new NetworkStream(socket, ownsSocket: false))
            {
                if (!KioskWire.IsLoginAccepted(await KioskWire.ExchangeAsync(stream, login, new byte[256], stop)))
                {
                    context.Counters.Refuse();
                    return await KioskWire.WaitForCloseAsync(socket, stop);
                }
            }

            context.Counters.Complete();
            var closed = KioskWire.WaitForCloseAsync(socket, stop);
            while (true)
            {
                await Task.WhenAny(closed, Task.Delay(LoneLfInterval, stop));
                if (closed.IsCompleted || stop.IsCancellationRequested)
                {
                    return await closed;
                }

                await socket.SendAsync("\n"u8.ToArray(), SocketFlags.None, stop);
            }
        });
    }

    private static Task LockoutAsync(StressAttackContext context) =>
        LoopAsync(context, n => BenchLogins.ExtraAddress(4 + (int)(n % 3)), context.Plain, async (socket, n, stop) =>
        {
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            var buffer = new byte[256];
            // Three wrong passwords a connection (the server's default per-connection limit), all for one of the
            // kiosks' login ids, and two connections running for each id: six failures within a few milliseconds, more
            // than the per-login-id limit (5), before the kiosk's next successful login can clear the count.
            var target = BenchLogins.LoginId((int)(n / 2 % Math.Max(1, context.Options.Kiosks)));
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var answer = await KioskWire.ExchangeAsync(stream, KioskWire.LoginFrame(target, $"wrong-{n}-{attempt}"), buffer, stop);
                if (KioskWire.IsLoginAccepted(answer))
                {
                    context.Counters.Complete();
                }
                else
                {
                    context.Counters.Refuse();
                }
            }

            return await CloseWithinAsync(socket, CloseWait, stop);
        });
}
