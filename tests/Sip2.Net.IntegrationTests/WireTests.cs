using System.Text;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.IntegrationTests;

public class WireTests
{
    private const string Checkout = "11YN20240417    083058                  AOalpha|AAp1|AB3900001|AC|";

    private static string WithTrailer(string message, int sequence) => ReplayTests.WithChecksum(message + "AY" + sequence + "AZ") + "\r";

    private static void AssertValidChecksum(byte[] response)
    {
        var frame = response.AsSpan(0, response.Length - 1);
        Assert.True(Sip2MessageParser.Parse(frame, new Sip2CodecOptions { ErrorDetection = Sip2ErrorDetectionMode.On, Encoding = Sip2Encoding.Utf8 }).IsSuccess);
    }

    [Fact]
    public async Task A_name_is_sent_in_the_registrations_encoding()
    {
        await using var server = await TestServer.StartAsync();
        using var utf8 = await server.RawAsync("127.0.0.2", Sip2Encoding.Utf8);
        using var ibm850 = await server.RawAsync();
        await ibm850.SendAsync("9300CNkiosk-a|COalpha-secret|\r");
        await ibm850.ReceiveAsync();

        await utf8.SendAsync("2300120240417    083058AOalpha|AAp1|AC|AD|\r");
        await ibm850.SendAsync("2300120240417    083058AOalpha|AAp1|AC|AD|\r");
        var utf8Bytes = await utf8.ReceiveBytesAsync();
        var ibm850Bytes = await ibm850.ReceiveBytesAsync();

        Assert.Contains("AEJ\u00c3\u00bcrgen", Encoding.Latin1.GetString(utf8Bytes), StringComparison.Ordinal); // ü = C3 BC
        Assert.Contains("AEJ\u0081rgen", Encoding.Latin1.GetString(ibm850Bytes), StringComparison.Ordinal); // ü = 81
    }

    [Fact]
    public async Task A_crlf_client_is_understood()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await server.RawAsync("127.0.0.2");

        await kiosk.SendAsync("9900302.00\r\n9900302.00\r\n");

        Assert.StartsWith("98", await kiosk.ReceiveAsync(), StringComparison.Ordinal);
        Assert.StartsWith("98", await kiosk.ReceiveAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auto_error_detection_answers_in_kind()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await server.RawAsync("127.0.0.2");

        await kiosk.SendAsync("9900302.00\r");
        var plain = await kiosk.ReceiveAsync();
        await kiosk.SendAsync(WithTrailer("9900302.00", 4));
        var checksummed = await kiosk.ReceiveBytesAsync();

        Assert.DoesNotContain("AZ", plain, StringComparison.Ordinal);
        Assert.Contains("AY4AZ", Encoding.ASCII.GetString(checksummed), StringComparison.Ordinal);
        AssertValidChecksum(checksummed);
    }

    [Fact]
    public async Task Error_detection_on_refuses_a_message_without_a_checksum()
    {
        await using var server = await TestServer.StartAsync(o => o with { ErrorDetection = Sip2ErrorDetectionMode.On });
        using var kiosk = await server.RawAsync("127.0.0.2");

        await kiosk.SendAsync("9900302.00\r");

        Assert.Equal("96AZFEF6\r", await kiosk.ReceiveAsync());
    }

    [Fact]
    public async Task Error_detection_off_never_adds_a_trailer()
    {
        await using var server = await TestServer.StartAsync(o => o with { ErrorDetection = Sip2ErrorDetectionMode.Off });
        using var kiosk = await server.RawAsync("127.0.0.2");

        await kiosk.SendAsync(WithTrailer("9900302.00", 4));

        Assert.DoesNotContain("AZ", await kiosk.ReceiveAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupted_checksum_gets_96_and_nothing_runs()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await server.RawAsync("127.0.0.2");

        await kiosk.SendAsync(Checkout + "AY1AZ0000\r");

        Assert.Equal("96AZFEF6\r", await kiosk.ReceiveAsync());
        Assert.Equal(0, server.Backend.CallsOf(Sip2Command.Checkout));
    }

    [Fact]
    public async Task A_97_resends_the_last_response_byte_for_byte()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await server.RawAsync("127.0.0.2");

        await kiosk.SendAsync("97AZFEF5\r");
        var nothingYet = await kiosk.ReceiveAsync();
        await kiosk.SendAsync(WithTrailer(Checkout, 2));
        var original = await kiosk.ReceiveBytesAsync();
        await kiosk.SendAsync("97AZFEF5\r");
        var resent = await kiosk.ReceiveBytesAsync();
        await kiosk.SendAsync("97\r");
        var again = await kiosk.ReceiveBytesAsync();

        Assert.Equal("96AZFEF6\r", nothingYet);
        Assert.Equal(original, resent);
        Assert.Equal(original, again); // 97 itself is never remembered as the last response
        Assert.Equal(1, server.Backend.CallsOf(Sip2Command.Checkout));
    }

    [Fact]
    public async Task A_retransmitted_checkout_runs_once()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await server.RawAsync("127.0.0.2");
        var request = WithTrailer(Checkout, 3);

        await kiosk.SendAsync(request);
        var first = await kiosk.ReceiveBytesAsync();
        await kiosk.SendAsync(request);
        var second = await kiosk.ReceiveBytesAsync();
        // A new transaction (a later transaction date, the next sequence number) does run. The same content with
        // only a new sequence number would be a retransmission too (see ReplayTests).
        await kiosk.SendAsync(WithTrailer(Checkout.Replace("083058", "083112", StringComparison.Ordinal), 4));
        await kiosk.ReceiveBytesAsync();

        Assert.Equal(first, second);
        Assert.Equal(2, server.Backend.CallsOf(Sip2Command.Checkout));
    }

    [Fact]
    public async Task An_oversize_message_closes_the_connection()
    {
        await using var server = await TestServer.StartAsync(o => o with { MaxMessageLength = 1024 });
        using var kiosk = await server.RawAsync("127.0.0.2");

        await kiosk.SendBytesAsync(Enumerable.Repeat((byte)'9', 4096).ToArray());

        Assert.True(await kiosk.WaitForCloseAsync());
    }

    [Fact]
    public async Task Garbage_gets_96_and_too_much_of_it_closes_the_connection()
    {
        await using var server = await TestServer.StartAsync(o => o with { MaxConsecutiveBadMessages = 3 });
        using var kiosk = await server.RawAsync("127.0.0.2");

        await kiosk.SendBytesAsync([0x00, 0xFF, 0x13, (byte)'\r']);
        Assert.Equal("96\r", await kiosk.ReceiveAsync());
        await kiosk.SendAsync("42nonsense\rXX\r");

        Assert.Equal("96\r", await kiosk.ReceiveAsync());
        Assert.Equal("96\r", await kiosk.ReceiveAsync());
        Assert.True(await kiosk.WaitForCloseAsync());
    }

    [Fact]
    public async Task Blank_lines_are_ignored()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await server.RawAsync("127.0.0.2");

        await kiosk.SendAsync("   \r\r\n9900302.00\r");

        Assert.StartsWith("98", await kiosk.ReceiveAsync(), StringComparison.Ordinal);
    }
}
