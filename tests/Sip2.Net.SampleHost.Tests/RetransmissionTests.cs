using Sip2.Net.Encodings;
using Sip2.Net.Messages;

namespace Sip2.Net.SampleHost.Tests;

/// <summary>
/// Only the SC resending its last request is a retransmission: a request identical to an earlier one, after the state it
/// acted on changed, runs again and gets today's answer, never the kept one.
/// </summary>
public sealed class RetransmissionTests
{
    [Fact]
    public async Task A_checkout_identical_to_one_before_a_checkin_runs_again_and_the_item_is_on_loan()
    {
        await using var library = await TestLibrary.StartAsync();
        await using var kiosk = await library.RawKioskAsync("127.0.0.2", Sip2Encoding.Utf8);
        var checkout = Requests.Checkout("21001", "31001") with { PatronPassword = "1234" };

        Assert.True((await kiosk.SendAsync<CheckoutResponse>(checkout, 1)).Ok);
        Assert.True((await kiosk.SendAsync<CheckinResponse>(Requests.Checkin("31001"), 2)).Ok);
        Assert.Null(library.Library.GetBorrower("31001"));

        var again = await kiosk.SendAsync<CheckoutResponse>(checkout, 1); // byte for byte the first one
        Assert.True(again.Ok);
        Assert.Equal("21001", library.Library.GetBorrower("31001"));
        var information = await kiosk.SendAsync<ItemInformationResponse>(new ItemInformationRequest { TransactionDate = checkout.TransactionDate, InstitutionId = "", ItemIdentifier = "31001" }, 4);
        Assert.Equal(CirculationStatus.Charged, information.CirculationStatus);
    }

    [Fact]
    public async Task A_retransmitted_checkout_runs_once()
    {
        await using var library = await TestLibrary.StartAsync();
        await using var kiosk = await library.RawKioskAsync("127.0.0.2", Sip2Encoding.Utf8);
        var checkout = Requests.Checkout("21001", "31001") with { PatronPassword = "1234" };

        var first = await kiosk.SendAsync<CheckoutResponse>(checkout, 1);
        var resent = await kiosk.SendAsync<CheckoutResponse>(checkout, 1); // no answer came, the SC says: the same bytes

        Assert.True(first.Ok);
        Assert.Equal(first, resent); // the first answer, not "already checked out to you"
    }

    [Fact]
    public async Task A_renew_identical_to_one_before_a_checkin_is_refused_as_not_checked_out()
    {
        await using var library = await TestLibrary.StartAsync();
        await using var kiosk = await library.RawKioskAsync("127.0.0.2", Sip2Encoding.Utf8);
        Assert.True((await kiosk.SendAsync<CheckoutResponse>(Requests.Checkout("21001", "31001") with { PatronPassword = "1234" }, 1)).Ok);
        var renew = Requests.Renew("21001", "31001");
        Assert.True((await kiosk.SendAsync<RenewResponse>(renew, 2)).Ok);
        Assert.True((await kiosk.SendAsync<CheckinResponse>(Requests.Checkin("31001"), 3)).Ok);

        var stale = await kiosk.SendAsync<RenewResponse>(renew, 2);

        Assert.False(stale.Ok);
        Assert.Null(library.Library.GetBorrower("31001"));
    }

    [Fact]
    public async Task A_hold_cancel_identical_to_an_earlier_one_is_refused_when_there_is_no_hold_left()
    {
        await using var library = await TestLibrary.StartAsync();
        await using var kiosk = await library.RawKioskAsync("127.0.0.2", Sip2Encoding.Utf8);
        var cancel = Requests.Hold(HoldMode.Delete, "21006", "31002");
        Assert.True((await kiosk.SendAsync<HoldResponse>(Requests.Hold(HoldMode.Add, "21006", "31002"), 1)).Ok);
        Assert.True((await kiosk.SendAsync<HoldResponse>(cancel, 2)).Ok);
        Assert.True((await kiosk.SendAsync<PatronStatusResponse>(Requests.PatronStatus("21006"), 3)).ValidPatron);

        Assert.False((await kiosk.SendAsync<HoldResponse>(cancel, 2)).Ok);
    }
}
