using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Sip2.Net.Messages;

namespace Sip2.Net.IntegrationTests;

/// <summary>
/// Clients that misbehave at the network level, over real sockets. Timeouts run on a fake clock; every wait is
/// for an event (a log line, a close, a response) with a bound, never a sleep.
/// </summary>
public class HostileNetworkTests
{
    private const string Status = "9900302.00\r";

    [Fact]
    public async Task A_client_that_pipelines_and_never_reads_holds_the_server_to_the_output_cap_and_is_closed_after_the_write_timeout()
    {
        const int cap = 4096;
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await TestServer.StartAsync(o => o with { MaxPendingOutput = cap, WriteTimeout = TimeSpan.FromSeconds(30) }, time);
        using var attacker = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 1024 };
        attacker.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
        await attacker.ConnectAsync(IPAddress.Loopback, server.Port);

        // Far more answers than the socket buffers on both sides can hold; the send itself stalls once the server
        // stops reading, and is abandoned with the socket.
        var flood = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(Status, 100_000)));
        var sending = attacker.SendAsync(flood, SocketFlags.None);
        var waiting = await server.Logs.WaitForAsync(l => l.Contains(" 1030 ", StringComparison.Ordinal));
        Assert.NotNull(waiting);

        // While the attacker's connection waits, another kiosk is served.
        using (var kiosk = await server.AdmittedAsync("127.0.0.2"))
        {
            await kiosk.SendAsync(Status);
            Assert.StartsWith("98", await kiosk.ReceiveAsync(), StringComparison.Ordinal);
        }

        Assert.NotNull(await server.Logs.WaitForAsync(l => l.Contains("Connection closed: client closed the connection", StringComparison.Ordinal)));

        // Each wait's deadline is armed before the wait is logged. A flush may wait briefly while the socket still
        // drains, before the real stall, so the clock moves past the write timeout until the stall is given up.
        var closed = server.Logs.WaitForAsync(l => l.Contains("Connection closed: client not reading its answers", StringComparison.Ordinal));
        Assert.True(await FakeClock.AdvanceUntilAsync(server.Server.Handler, time, TimeSpan.FromSeconds(30) + FakeClock.Heartbeat, closed), "the stalled connection was not given up");

        Assert.NotNull(await closed);
        Assert.Contains(server.Logs.Lines, l => l.Contains(" 1031 ", StringComparison.Ordinal));

        // What the server held unsent at each wait: the cap plus at most the answer that crossed it. Without the
        // cap, one flush carries the answers to a whole read (a 4 KiB read of 99s is about 40 KB of 98s).
        var held = server.Logs.Lines
            .Select(l => Regex.Match(l, @" 1030 .* take (\d+) bytes"))
            .Where(m => m.Success)
            .Select(m => long.Parse(m.Groups[1].Value))
            .ToList();
        Assert.NotEmpty(held);
        Assert.All(held, bytes => Assert.True(bytes <= cap + 512, $"{bytes} bytes held"));
        Assert.Equal(0, server.Server.Handler.ConnectionCount);

        attacker.Dispose();
        try
        {
            await sending;
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // The send was still stalled when the socket went; it is only awaited so that nothing is left running.
        }
    }

    [Fact]
    public async Task A_client_that_falls_behind_but_reads_before_the_write_timeout_gets_every_answer_and_keeps_its_connection()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow); // never advanced: the write timeout cannot pass
        // At Debug, not Trace: the wire trace of the tens of thousands of answers the kernel buffers would make the
        // server slow enough, on a loaded machine, that filling the buffers takes longer than the wait below.
        await using var server = await TestServer.StartAsync(o => o with { MaxPendingOutput = 4096, WriteTimeout = TimeSpan.FromSeconds(30) }, time, logLevel: LogLevel.Debug);
        // A fixed receive buffer (no autotuning), but not a tiny one: a window smaller than loopback's segment size
        // reopens only on the kernel's zero-window probes, which back off to minutes under load.
        using var kiosk = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 256 * 1024 };
        kiosk.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
        await kiosk.ConnectAsync(IPAddress.Loopback, server.Port);

        // Requests in batches until the server's flush has to wait for this client: how many answers the kernel's
        // buffers hold depends on the machine, so the test sends until it sees the wait rather than a fixed number.
        const int batchSize = 1000;
        var batch = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(Status, batchSize)));
        var flushWaits = server.Logs.WaitForAsync(l => l.Contains(" 1030 ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var requests = 0;
        var sending = Task.Run(async () =>
        {
            while (!flushWaits.IsCompleted)
            {
                await kiosk.SendAsync(batch, SocketFlags.None);
                Interlocked.Add(ref requests, batchSize);
            }
        });
        Assert.True(await flushWaits is not null, $"The server's flush never waited: {Volatile.Read(ref requests)} requests sent; its last lines: {string.Join(" | ", server.Logs.Lines.TakeLast(5))}");

        // Now it reads: every answer arrives, in full, and the waiting flushes carry on where they stopped. While a
        // batch is still being sent its answers are still to come, so the loop reads until both are done.
        var buffer = new byte[64 * 1024];
        var answers = 0;
        using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (!sending.IsCompleted || answers < Volatile.Read(ref requests))
            {
                var read = await kiosk.ReceiveAsync(buffer, SocketFlags.None, limit.Token);
                Assert.NotEqual(0, read);
                answers += buffer.AsSpan(0, read).Count((byte)'\r');
            }
        }

        await sending;
        Assert.True(requests > 0);
        Assert.Equal(requests, answers);

        // The connection is still served, and was never closed.
        await kiosk.SendAsync(Encoding.ASCII.GetBytes(Status), SocketFlags.None);
        var next = new byte[512];
        var length = await kiosk.ReceiveAsync(next, SocketFlags.None);
        Assert.StartsWith("98", Encoding.ASCII.GetString(next, 0, length), StringComparison.Ordinal);
        Assert.Equal(1, server.Server.Handler.ConnectionCount);
        Assert.DoesNotContain(server.Logs.Lines, l => l.Contains("Connection closed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1023, 30)]
    [InlineData(64 * 1024 * 1024 + 1, 30)]
    [InlineData(64 * 1024, 0)]
    [InlineData(64 * 1024, -5)]
    public void The_output_cap_and_write_timeout_are_validated(int maxPendingOutput, int writeTimeoutSeconds)
    {
        var options = new Sip2.Net.Server.Sip2ServerOptions { MaxPendingOutput = maxPendingOutput, WriteTimeout = TimeSpan.FromSeconds(writeTimeoutSeconds) };

        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains(writeTimeoutSeconds > 0 ? "MaxPendingOutput" : "WriteTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slowloris_a_byte_at_a_time_never_finishing_the_line_is_closed_at_the_partial_message_deadline()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await TestServer.StartAsync(o => o with { PartialMessageTimeout = TimeSpan.FromSeconds(30) }, time);
        using var kiosk = await server.AdmittedAsync("127.0.0.2");
        var started = time.GetUtcNow();

        // Twenty bytes, a second apart: each one is progress, but none finishes the message. The clock moves only
        // once the server has taken the byte (it reads the clock for its next read's deadline), so the seconds are
        // the server's too.
        foreach (var b in Encoding.ASCII.GetBytes("2300120240417    083"))
        {
            var taken = server.Server.Handler.IdleAsync(next: true);
            await kiosk.SendBytesAsync([b]);
            await taken;
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.True(await LifecycleTests.AdvanceUntilClosedAsync(server, time, kiosk, TimeSpan.FromSeconds(10)));

        // The deadline runs from the first byte, not from the last one: the trickle bought nothing.
        Assert.InRange(time.GetUtcNow() - started, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(31));
        Assert.Contains(server.Logs.Lines, l => l.Contains("message not completed in time", StringComparison.Ordinal));
        Assert.Equal(0, server.Server.Handler.ConnectionCount);
    }

    [Fact]
    public async Task A_line_sent_a_byte_at_a_time_but_finished_within_the_deadline_is_answered()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await TestServer.StartAsync(o => o with { PartialMessageTimeout = TimeSpan.FromSeconds(30) }, time);
        using var kiosk = await server.AdmittedAsync("127.0.0.2");

        // Eleven bytes, two seconds apart: 22 seconds, inside the 30.
        foreach (var b in Encoding.ASCII.GetBytes(Status))
        {
            await kiosk.SendBytesAsync([b]);
            time.Advance(TimeSpan.FromSeconds(2));
        }

        Assert.StartsWith("98", await kiosk.ReceiveAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_connects_and_goes_silent_is_closed_and_its_slot_freed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await TestServer.StartAsync(o => o with { IdleTimeout = TimeSpan.FromMinutes(10) }, time);
        using var silent = await server.AdmittedAsync("127.0.0.2");

        Assert.True(await LifecycleTests.AdvanceUntilClosedAsync(server, time, silent, TimeSpan.FromMinutes(10)));
        Assert.Equal(0, server.Server.Handler.ConnectionCount);
        Assert.Contains(server.Logs.Lines, l => l.Contains("idle timeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_that_shuts_down_its_sending_side_mid_message_is_closed_cleanly()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await server.RawAsync("127.0.0.2");

        await kiosk.SendAsync("11YN20240417    083058                  AOalpha|AAp1|AB39");
        kiosk.Socket.Shutdown(SocketShutdown.Send);

        var (received, closed) = await kiosk.ReadToCloseAsync();
        Assert.True(closed);
        Assert.Empty(received); // half a checkout is not a checkout
        Assert.Equal(0, server.Backend.CallsOf(Sip2Command.Checkout));
        Assert.Equal(0, server.Server.Handler.ConnectionCount);
        Assert.DoesNotContain(server.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_that_resets_the_connection_is_an_ordinary_close_not_a_failure()
    {
        await using var server = await TestServer.StartAsync();
        var kiosk = await server.RawAsync("127.0.0.2");
        await kiosk.SendAsync(Status);
        await kiosk.ReceiveAsync();
        await kiosk.SendAsync("99003"); // mid-message

        kiosk.Socket.LingerState = new LingerOption(true, 0); // close with a reset, as a crashed client or a NAT drop does
        kiosk.Dispose();

        Assert.NotNull(await server.Logs.WaitForAsync(l => l.Contains("Connection closed:", StringComparison.Ordinal)));
        Assert.Equal(0, server.Server.Handler.ConnectionCount);
        Assert.DoesNotContain(server.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Binary_garbage_and_nuls_get_96s_and_a_good_request_after_them_is_still_answered()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await server.RawAsync("127.0.0.2");
        var random = new Random(8);
        var lines = new List<byte>();
        for (var i = 0; i < 3; i++)
        {
            // Any byte but the line ends (those only make more lines), NULs included, and at least one visible
            // byte so the line is not mistaken for padding.
            lines.AddRange(Enumerable.Range(0, 200).Select(_ => (byte)random.Next(0, 256)).Where(b => b is not (13 or 10)));
            lines.AddRange([0, 0, (byte)'X', 0, 13]);
        }

        await kiosk.SendBytesAsync([.. lines]);
        for (var i = 0; i < 3; i++)
        {
            Assert.StartsWith("96", await kiosk.ReceiveAsync(), StringComparison.Ordinal);
        }

        await kiosk.SendAsync(Status);
        Assert.StartsWith("98", await kiosk.ReceiveAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nul_padding_is_not_a_message_and_is_never_answered()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await server.RawAsync("127.0.0.2");

        // A line of NULs and spaces between two requests, as some terminals pad: only the requests are answered.
        await kiosk.SendBytesAsync([.. Encoding.ASCII.GetBytes(Status), 0, 0, 0, 0, (byte)' ', 0, 13, .. Encoding.ASCII.GetBytes("1720240417    083058AOalpha|AB1|\r")]);

        Assert.StartsWith("98", await kiosk.ReceiveAsync(), StringComparison.Ordinal);
        Assert.StartsWith("18", await kiosk.ReceiveAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Many_requests_in_one_packet_are_answered_in_order()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await server.RawAsync("127.0.0.2");
        var items = Enumerable.Range(1, 60).Select(i => "39" + i.ToString("00000")).ToList();

        await kiosk.SendAsync(string.Concat(items.Select((item, i) => i % 10 == 0 ? Status + $"1720240417    083058AOalpha|AB{item}|\r" : $"1720240417    083058AOalpha|AB{item}|\r")));

        foreach (var (item, i) in items.Select((item, i) => (item, i)))
        {
            if (i % 10 == 0)
            {
                Assert.StartsWith("98", await kiosk.ReceiveAsync(), StringComparison.Ordinal);
            }

            var response = await kiosk.ReceiveAsync();
            Assert.StartsWith("18", response, StringComparison.Ordinal);
            Assert.Contains($"AB{item}|", response, StringComparison.Ordinal);
        }

        Assert.Equal(items.Count, server.Backend.CallsOf(Sip2Command.ItemInformation));
    }

    [Fact]
    public async Task A_client_that_answers_every_96_with_another_bad_message_is_closed_after_the_limit()
    {
        await using var server = await TestServer.StartAsync(o => o with { MaxConsecutiveBadMessages = 5 });
        using var kiosk = await server.RawAsync("127.0.0.2");

        var answered = 0;
        for (var i = 0; i < 10; i++)
        {
            await kiosk.SendAsync("9900302.00AY1AZ0000\r"); // a checksum that is always wrong
            try
            {
                Assert.StartsWith("96", await kiosk.ReceiveAsync(), StringComparison.Ordinal);
                answered++;
            }
            catch (IOException)
            {
                break; // closed
            }
        }

        Assert.Equal(5, answered);
        Assert.True(await kiosk.WaitForCloseAsync());
        Assert.Contains(server.Logs.Lines, l => l.Contains("too many unreadable messages", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_that_echoes_the_servers_96_gets_no_96_back_and_is_closed_after_the_limit()
    {
        await using var server = await TestServer.StartAsync(o => o with { MaxConsecutiveBadMessages = 5 });
        using var kiosk = await server.RawAsync("127.0.0.2");
        await kiosk.SendAsync("9900302.00AY1AZ0000\r");
        Assert.Equal("96AZFEF6\r", await kiosk.ReceiveAsync());

        // The server's 96 comes straight back, again and again: answering each with a 96 would never end.
        await kiosk.SendAsync(string.Concat(Enumerable.Repeat("96AZFEF6\r", 10)));

        var (received, closed) = await kiosk.ReadToCloseAsync();
        Assert.True(closed);
        Assert.Empty(received);
        Assert.Equal(4, server.Logs.Lines.Count(l => l.Contains(" 1032 ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_96_from_the_client_is_not_answered_and_the_session_goes_on()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await server.AdmittedAsync("127.0.0.2");

        await kiosk.SendAsync("96\r" + Status);

        Assert.StartsWith("98", await kiosk.ReceiveAsync(), StringComparison.Ordinal); // the first answer is the 99's
    }
}
