using Sip2.Net.Encodings;
using Sip2.Net.Messages;

namespace Sip2.Net.IntegrationTests;

public class HostileInputTests
{
    [Fact]
    public async Task A_mebibyte_without_a_terminator_closes_the_connection_and_others_are_still_served()
    {
        await using var server = await TestServer.StartAsync();
        using var attacker = await server.RawAsync("127.0.0.2");
        using var kiosk = await server.RawAsync("127.0.0.2");

        try
        {
            await attacker.SendBytesAsync(Enumerable.Repeat((byte)'A', 1024 * 1024).ToArray());
        }
        catch (System.Net.Sockets.SocketException)
        {
            // The server may close while the megabyte is still being sent: that is the point.
        }

        Assert.True(await attacker.WaitForCloseAsync());
        await kiosk.SendAsync("9900302.00\r");
        Assert.StartsWith("98", await kiosk.ReceiveAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_utf8_session_is_answered_not_fatal()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await server.RawAsync("127.0.0.2", Sip2Encoding.Utf8);

        await kiosk.SendBytesAsync([.. "2300120240417    083058AOalpha|AA"u8.ToArray(), 0xC3, 0x28, 0xFF, .. "|AC|AD|\r"u8.ToArray()]);
        var response = await kiosk.ReceiveAsync();
        await kiosk.SendAsync("9900302.00\r");

        Assert.StartsWith("24", response, StringComparison.Ordinal);
        Assert.Contains("\uFFFD", response, StringComparison.Ordinal); // the unreadable bytes, shown as replacement characters
        Assert.StartsWith("98", await kiosk.ReceiveAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flood_of_97s_is_answered_with_the_same_bytes_each_time()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await server.RawAsync("127.0.0.2");
        await kiosk.SendAsync("11YN20240417    083058                  AOalpha|AAp1|AB3900001|AC|\r");
        var original = await kiosk.ReceiveBytesAsync();

        await kiosk.SendAsync(string.Concat(Enumerable.Repeat("97\r", 200)));
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(original, await kiosk.ReceiveBytesAsync());
        }

        Assert.Equal(1, server.Backend.CallsOf(Sip2Command.Checkout));
    }

    [Fact]
    public async Task Many_connects_from_an_unregistered_address_are_refused_without_any_login_work()
    {
        await using var server = await TestServer.StartAsync();

        for (var i = 0; i < 200; i++)
        {
            using var stranger = await server.RawAsync("127.0.0.9");
            await stranger.SendAsync("9300CNkiosk-a|COalpha-secret|\r");
            Assert.True(await stranger.WaitForCloseAsync());
        }

        Assert.DoesNotContain(server.Logs.Lines, l => l.Contains(" 1005 ", StringComparison.Ordinal)); // no login was ever attempted
        Assert.Equal(0, server.Server.Handler.ConnectionCount);
    }
}
