using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;

namespace Sip2.Net.AspNetCore.Tests;

public sealed class KestrelBackpressureTests
{
    private const string Status = "9900302.00\r";

    // Under Kestrel the answers go into its transport pipe, whose flush waits once the transport's write buffer
    // is full; the connection's own cap and write timeout hold there just as on the standalone listener.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_client_that_pipelines_and_never_reads_is_held_to_the_output_cap_and_closed_after_the_write_timeout(bool inlineScheduling)
    {
        const int cap = 4096;
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var logs = new CapturingLoggerProvider();
        await using var host = await KestrelSip2Host.StartAsync(options: o => o with { MaxPendingOutput = cap, WriteTimeout = TimeSpan.FromSeconds(30) }, time: time, logs: logs, inlineScheduling: inlineScheduling);
        var kiosk = IPAddress.Parse("127.0.0.2");
        await host.RegisterAsync(kiosk);
        using var attacker = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 1024 };
        attacker.Bind(new IPEndPoint(kiosk, 0));
        await attacker.ConnectAsync(IPAddress.Loopback, host.Port);

        var sending = attacker.SendAsync(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(Status, 100_000))), SocketFlags.None);
        Assert.NotNull(await logs.WaitForAsync(l => l.Contains(" 1030 ", StringComparison.Ordinal)));

        using (var other = await host.ConnectRawAsync(kiosk))
        {
            await other.SendAsync(Encoding.ASCII.GetBytes(Status));
            Assert.StartsWith("98", await KestrelSip2Host.ReadMessageAsync(other), StringComparison.Ordinal);
        }

        // Once every connection waits for its client (the attacker's in a flush that cannot complete), the clock moves
        // past the write timeout and the heartbeat gives the stalled one up.
        var closed = logs.WaitForAsync(l => l.Contains("Connection closed: client not reading its answers", StringComparison.Ordinal));
        Assert.True(await FakeClock.AdvanceUntilAsync(host.Handler, time, TimeSpan.FromSeconds(30) + FakeClock.Heartbeat, closed), "the stalled connection was not given up");

        Assert.NotNull(await closed);
        var held = logs.Lines.Select(l => Regex.Match(l, @" 1030 .* take (\d+) bytes")).Where(m => m.Success).Select(m => long.Parse(m.Groups[1].Value)).ToList();
        Assert.NotEmpty(held);
        Assert.All(held, bytes => Assert.True(bytes <= cap + 512, $"{bytes} bytes held"));

        attacker.Dispose();
        try
        {
            await sending;
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // Still stalled when the socket went; awaited only so nothing is left running.
        }
    }
}
