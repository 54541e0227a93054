using Microsoft.Extensions.Time.Testing;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;
using Sip2.Net.Server;

namespace Sip2.Net.IntegrationTests;

/// <summary>
/// A retransmission is the SC resending the request it got no answer to: the last request of its connection, byte for
/// byte, or after a reconnect the last request of another connection of its registration. It runs once and gets the
/// first answer. Anything else, however alike, is a new request and runs.
/// </summary>
public class ReplayTests
{
    private const string Login = $"9300CN{TestServer.KioskA}|CO{TestServer.KioskAPassword}|AY0AZ";

    private static string Checkout(string patron, int sequence, string date = "20261128    101500", string item = "3900001") =>
        WithChecksum($"11YN{date}                  AOalpha|AA{patron}|AB{item}|AC|AY{sequence}AZ");

    // The text, which ends in "AZ", with its checksum.
    internal static string WithChecksum(string text) => text + Sip2Checksum.ToHex(Sip2Checksum.Compute(Sip2Encoding.Ibm850.GetBytes(text)));

    private static async Task<RawKiosk> LoggedInAsync(TestServer server, string? login = null, string address = "127.0.0.1")
    {
        var kiosk = await server.RawAsync(address);
        await kiosk.SendAsync(WithChecksum(login ?? Login) + "\r");
        Assert.StartsWith("941", await kiosk.ReceiveAsync(), StringComparison.Ordinal);
        return kiosk;
    }

    private static async Task<string> AskAsync(RawKiosk kiosk, string request)
    {
        await kiosk.SendAsync(request + "\r");
        return await kiosk.ReceiveAsync();
    }

    private static string Content(string response) => response[..response.IndexOf("|AY", StringComparison.Ordinal)];

    [Fact]
    public async Task A_checkout_resent_byte_for_byte_on_its_connection_runs_once_and_gets_the_same_answer()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await LoggedInAsync(server);

        var first = await AskAsync(kiosk, Checkout("p1", 1));
        var again = await AskAsync(kiosk, Checkout("p1", 1));

        Assert.Equal(1, server.Backend.CallsOf(Sip2Command.Checkout));
        Assert.Equal(first, again);
        Assert.Contains(server.Logs.Lines, l => l.Contains("retransmitted request", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("9900302.00AY2AZ")] // a status request in between
    [InlineData(null)]              // or nothing in between, but the next sequence number: the SC means a new request
    public async Task An_identical_checkout_that_is_not_the_last_request_resent_runs_again(string? between)
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await LoggedInAsync(server);

        await AskAsync(kiosk, Checkout("p1", 1));
        if (between is not null)
        {
            await AskAsync(kiosk, WithChecksum(between));
            await AskAsync(kiosk, Checkout("p1", 1));
        }
        else
        {
            await AskAsync(kiosk, Checkout("p1", 2));
        }

        Assert.Equal(2, server.Backend.CallsOf(Sip2Command.Checkout));
    }

    [Fact]
    public async Task A_checkout_sent_again_on_a_new_connection_runs_once_and_gets_the_first_answer()
    {
        await using var server = await TestServer.StartAsync();
        string first;
        using (var kiosk = await LoggedInAsync(server))
        {
            first = await AskAsync(kiosk, Checkout("p1", 1));
        }

        // The kiosk restarts its sequence numbers on the new connection: matched by content, not by AY/AZ.
        using var again = await LoggedInAsync(server);
        var second = await AskAsync(again, Checkout("p1", 5));

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

        Assert.StartsWith("121", await answer, StringComparison.Ordinal); // ok: the checkout the first connection started
        Assert.Equal(1, server.Backend.CallsOf(Sip2Command.Checkout));
    }

    [Fact]
    public async Task A_resend_after_a_reconnect_is_found_however_much_other_kiosks_of_the_registration_sent_meanwhile()
    {
        await using var server = await TestServer.StartAsync();
        using (var kiosk = await LoggedInAsync(server))
        {
            await AskAsync(kiosk, Checkout("p1", 1, item: "1"));
        }

        // Twenty kiosks on the same registration send forty checkouts of their own.
        var others = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => LoggedInAsync(server)));
        for (var round = 0; round < 2; round++)
        {
            for (var k = 0; k < others.Length; k++)
            {
                await AskAsync(others[k], Checkout($"other{k}", round, item: $"{100 + (k * 2) + round}"));
            }
        }

        using var again = await LoggedInAsync(server);
        await AskAsync(again, Checkout("p1", 7, item: "1"));

        Assert.Equal(41, server.Backend.CallsOf(Sip2Command.Checkout));
        foreach (var other in others)
        {
            other.Dispose();
        }
    }

    [Fact]
    public async Task The_same_request_from_another_registration_is_another_transaction()
    {
        await using var server = await TestServer.StartAsync();
        using (var a = await LoggedInAsync(server))
        {
            await AskAsync(a, Checkout("p1", 1));
        }

        using var b = await LoggedInAsync(server, $"9300CN{TestServer.KioskB}|CO{TestServer.KioskBPassword}|AY0AZ");
        await AskAsync(b, Checkout("p1", 1));

        Assert.Equal(2, server.Backend.CallsOf(Sip2Command.Checkout));
    }

    [Fact]
    public async Task After_a_login_as_another_registration_the_same_checkout_is_that_registrations_own()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await LoggedInAsync(server);
        await AskAsync(kiosk, Checkout("p1", 1));

        Assert.StartsWith("941", await AskAsync(kiosk, WithChecksum($"9300CN{TestServer.KioskB}|CO{TestServer.KioskBPassword}|AY2AZ")), StringComparison.Ordinal);
        await AskAsync(kiosk, Checkout("p1", 3));

        Assert.Equal(2, server.Backend.CallsOf(Sip2Command.Checkout));
    }

    [Fact]
    public async Task Without_a_real_transaction_date_a_resend_on_a_new_connection_is_another_transaction()
    {
        await using var server = await TestServer.StartAsync();
        var blank = new string(' ', 18);
        using (var kiosk = await LoggedInAsync(server))
        {
            await AskAsync(kiosk, Checkout("p1", 1, date: blank));
        }

        using var again = await LoggedInAsync(server);
        await AskAsync(again, Checkout("p1", 1, date: blank));

        Assert.Equal(2, server.Backend.CallsOf(Sip2Command.Checkout));
    }

    [Fact]
    public async Task Reads_are_never_replayed()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await LoggedInAsync(server);
        var status = WithChecksum("2300120261128    101500AOalpha|AAp1|AC|AD|AY1AZ");
        await AskAsync(kiosk, status);
        await AskAsync(kiosk, status);

        Assert.Equal(2, server.Backend.CallsOf(Sip2Command.PatronStatusRequest));
    }

    [Fact]
    public async Task A_request_whose_back_end_failed_runs_again_when_resent_after_a_reconnect()
    {
        await using var server = await TestServer.StartAsync();
        using (var kiosk = await LoggedInAsync(server))
        {
            Assert.StartsWith("120", await AskAsync(kiosk, Checkout(CountingBackend.Explodes, 1)), StringComparison.Ordinal);
        }

        using var again = await LoggedInAsync(server);
        await AskAsync(again, Checkout(CountingBackend.Explodes, 1));

        Assert.Equal(2, server.Backend.CallsOf(Sip2Command.Checkout));
    }

    [Fact]
    public async Task A_resend_counts_as_a_retransmission_within_the_window_only()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 10, 15, 0, TimeSpan.Zero));
        await using var server = await TestServer.StartAsync(o => o with { RetransmissionWindow = TimeSpan.FromMinutes(2) }, time);
        using var kiosk = await LoggedInAsync(server);

        await AskAsync(kiosk, Checkout("p1", 1));
        time.Advance(TimeSpan.FromMinutes(1));
        await AskAsync(kiosk, Checkout("p1", 1));
        Assert.Equal(1, server.Backend.CallsOf(Sip2Command.Checkout));

        time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        await AskAsync(kiosk, Checkout("p1", 1));
        Assert.Equal(2, server.Backend.CallsOf(Sip2Command.Checkout));
    }

    [Fact]
    public async Task The_window_by_default_is_the_branch_timeout_times_its_retries()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 10, 15, 0, TimeSpan.Zero));
        await using var server = await TestServer.StartAsync(time: time); // alpha-main: 30 s, 3 retries
        using var kiosk = await LoggedInAsync(server);

        await AskAsync(kiosk, Checkout("p1", 1));
        time.Advance(TimeSpan.FromSeconds(89));
        await AskAsync(kiosk, Checkout("p1", 1));
        time.Advance(TimeSpan.FromSeconds(91));
        await AskAsync(kiosk, Checkout("p1", 1));

        Assert.Equal(2, server.Backend.CallsOf(Sip2Command.Checkout));
    }

    [Theory]
    [InlineData(Sip2RetransmissionScope.Off, 2, 2)]
    [InlineData(Sip2RetransmissionScope.Connection, 1, 2)]
    [InlineData(Sip2RetransmissionScope.Registration, 1, 1)]
    public async Task The_scope_says_where_a_resend_is_looked_for(Sip2RetransmissionScope scope, int afterSameConnection, int afterReconnect)
    {
        await using var server = await TestServer.StartAsync(o => o with { RetransmissionScope = scope });
        using (var kiosk = await LoggedInAsync(server))
        {
            await AskAsync(kiosk, Checkout("p1", 1));
            await AskAsync(kiosk, Checkout("p1", 1));
        }

        Assert.Equal(afterSameConnection, server.Backend.CallsOf(Sip2Command.Checkout));
        using var again = await LoggedInAsync(server);
        await AskAsync(again, Checkout("p1", 4));
        Assert.Equal(afterSameConnection + afterReconnect - 1, server.Backend.CallsOf(Sip2Command.Checkout));
    }
}
