using Microsoft.Extensions.Time.Testing;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.IntegrationTests;

/// <summary>
/// A kiosk that loses its connection in the middle of a transaction reconnects and sends it again: the
/// transaction must happen once, and the kiosk must learn its outcome.
/// </summary>
public class ReplayTests
{
    private const string Login = $"9300CN{TestServer.KioskA}|CO{TestServer.KioskAPassword}|AY0AZ";
    private static string Checkout(string patron, int sequence, string date = "20261128    101500") =>
        WithChecksum($"11YN{date}                  AOalpha|AA{patron}|AB3900001|AC|AY{sequence}AZ");

    // The text, which ends in "AZ", with its checksum.
    internal static string WithChecksum(string text) => text + Sip2Checksum.ToHex(Sip2Checksum.Compute(Sip2Encoding.Ibm850.GetBytes(text)));

    private static async Task<RawKiosk> LoggedInAsync(TestServer server, string? login = null)
    {
        var kiosk = await server.RawAsync();
        await kiosk.SendAsync(WithChecksum(login ?? Login) + "\r");
        Assert.StartsWith("941", await kiosk.ReceiveAsync(), StringComparison.Ordinal);
        return kiosk;
    }

    // The same request twice in a row, each time with the next sequence number.
    private static async Task SendTwiceAsync(RawKiosk kiosk, Func<int, string> request, string? expectStart = null)
    {
        for (var sequence = 1; sequence <= 2; sequence++)
        {
            await kiosk.SendAsync(request(sequence) + "\r");
            var answer = await kiosk.ReceiveAsync();
            if (expectStart is not null)
            {
                Assert.StartsWith(expectStart, answer, StringComparison.Ordinal);
            }
        }
    }

    private static string Content(string response) => response[..response.IndexOf("|AY", StringComparison.Ordinal)];

    [Fact]
    public async Task A_checkout_sent_again_on_a_new_connection_runs_once_and_gets_the_first_answer()
    {
        await using var server = await TestServer.StartAsync();
        string first;
        using (var kiosk = await LoggedInAsync(server))
        {
            await kiosk.SendAsync(Checkout("p1", 1) + "\r");
            first = await kiosk.ReceiveAsync();
        }

        // The kiosk restarts its sequence numbers on the new connection: matched by content, not by AY/AZ.
        using var again = await LoggedInAsync(server);
        await again.SendAsync(Checkout("p1", 5) + "\r");
        var second = await again.ReceiveAsync();

        Assert.Equal(1, server.Backend.CallsOf(Sip2Command.Checkout));
        Assert.Equal(Content(first), Content(second));
        Assert.Contains("AY5AZ", second, StringComparison.Ordinal); // answered in the new exchange's sequence
        Assert.True(Sip2MessageParser.Parse(Sip2Encoding.Ibm850.GetBytes(second.TrimEnd('\r')), new Sip2CodecOptions { ErrorDetection = Sip2ErrorDetectionMode.On }).IsSuccess);
        Assert.Contains(server.Logs.Lines, l => l.Contains("1025", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_checkout_cut_off_in_the_back_end_is_run_once_and_the_retransmission_learns_its_outcome()
    {
        await using var server = await TestServer.StartAsync();
        using (var kiosk = await LoggedInAsync(server))
        {
            await kiosk.SendAsync(Checkout(CountingBackend.Gated, 1) + "\r");
            await server.Backend.Entered.Task.WaitAsync(TimeSpan.FromSeconds(20));
        } // the kiosk's connection drops while the back end is still working

        using var again = await LoggedInAsync(server);
        await again.SendAsync(Checkout(CountingBackend.Gated, 2) + "\r");
        var answer = again.ReceiveAsync(); // waits for the first attempt's outcome
        Assert.False(answer.IsCompleted);
        server.Backend.Gate.SetResult();

        var response = await answer;
        Assert.StartsWith("121", response, StringComparison.Ordinal); // ok: the checkout the first connection started
        Assert.Equal(1, server.Backend.CallsOf(Sip2Command.Checkout));
    }

    [Fact]
    public async Task The_same_request_from_another_registration_is_another_transaction()
    {
        await using var server = await TestServer.StartAsync();
        using (var a = await LoggedInAsync(server))
        {
            await a.SendAsync(Checkout("p1", 1) + "\r");
            await a.ReceiveAsync();
        }

        using var b = await LoggedInAsync(server, $"9300CN{TestServer.KioskB}|CO{TestServer.KioskBPassword}|AY0AZ");
        await b.SendAsync(Checkout("p1", 1) + "\r");
        await b.ReceiveAsync();

        Assert.Equal(2, server.Backend.CallsOf(Sip2Command.Checkout));
    }

    [Fact]
    public async Task A_login_as_another_registration_on_the_same_connection_switches_the_remembered_requests()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await LoggedInAsync(server);
        await kiosk.SendAsync(Checkout("p1", 1) + "\r");
        await kiosk.ReceiveAsync();

        // The same IP logs in as kiosk B: its requests are B's, and this checkout is new to B.
        await kiosk.SendAsync(WithChecksum($"9300CN{TestServer.KioskB}|CO{TestServer.KioskBPassword}|AY2AZ") + "\r");
        Assert.StartsWith("941", await kiosk.ReceiveAsync(), StringComparison.Ordinal);
        await kiosk.SendAsync(Checkout("p1", 3) + "\r");
        await kiosk.ReceiveAsync();
        Assert.Equal(2, server.Backend.CallsOf(Sip2Command.Checkout));

        // Back as kiosk A, the same checkout is A's retransmission again.
        await kiosk.SendAsync(WithChecksum($"9300CN{TestServer.KioskA}|CO{TestServer.KioskAPassword}|AY4AZ") + "\r");
        Assert.StartsWith("941", await kiosk.ReceiveAsync(), StringComparison.Ordinal);
        await kiosk.SendAsync(Checkout("p1", 5) + "\r");
        await kiosk.ReceiveAsync();
        Assert.Equal(2, server.Backend.CallsOf(Sip2Command.Checkout));
    }

    [Fact]
    public async Task Requests_without_a_real_transaction_date_are_never_matched()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await LoggedInAsync(server);
        await SendTwiceAsync(kiosk, sequence => Checkout("p1", sequence, date: new string(' ', 18)));

        Assert.Equal(2, server.Backend.CallsOf(Sip2Command.Checkout));
    }

    [Fact]
    public async Task Reads_are_never_replayed()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await LoggedInAsync(server);
        await SendTwiceAsync(kiosk, sequence => WithChecksum($"2300120261128    101500AOalpha|AAp1|AC|AD|AY{sequence}AZ"));

        Assert.Equal(2, server.Backend.CallsOf(Sip2Command.PatronStatusRequest));
    }

    [Fact]
    public async Task A_request_whose_back_end_failed_runs_again_when_sent_again()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await LoggedInAsync(server);
        await SendTwiceAsync(kiosk, sequence => Checkout(CountingBackend.Explodes, sequence), expectStart: "120");

        Assert.Equal(2, server.Backend.CallsOf(Sip2Command.Checkout));
    }

    [Fact]
    public async Task The_answer_is_kept_for_the_replay_window_only()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 10, 15, 0, TimeSpan.Zero));
        await using var server = await TestServer.StartAsync(o => o with { ReplayWindow = TimeSpan.FromMinutes(2) }, time);
        using var kiosk = await LoggedInAsync(server);

        await kiosk.SendAsync(Checkout("p1", 1) + "\r");
        await kiosk.ReceiveAsync();
        time.Advance(TimeSpan.FromMinutes(1));
        await kiosk.SendAsync(Checkout("p1", 2) + "\r");
        await kiosk.ReceiveAsync();
        Assert.Equal(1, server.Backend.CallsOf(Sip2Command.Checkout));

        time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await kiosk.SendAsync(Checkout("p1", 3) + "\r");
        await kiosk.ReceiveAsync();
        Assert.Equal(2, server.Backend.CallsOf(Sip2Command.Checkout));
    }

    [Fact]
    public async Task A_replay_window_of_zero_turns_matching_off()
    {
        await using var server = await TestServer.StartAsync(o => o with { ReplayWindow = TimeSpan.Zero });
        using var kiosk = await LoggedInAsync(server);
        await SendTwiceAsync(kiosk, sequence => Checkout("p1", sequence));

        Assert.Equal(2, server.Backend.CallsOf(Sip2Command.Checkout));
    }
}
