using Sip2.Net.Client;
using Sip2.Net.Messages;
using Sip2.Net.Resolution;

namespace Sip2.Net.SampleHost.Tests;

/// <summary>The library system's circulation rules, driven through kiosk sessions on the real socket.</summary>
public sealed class CirculationTests
{
    private static string Text(Sip2MessageScenario scenario) => Sip2MessageCatalog.GetDefaultText(scenario);

    [Fact]
    public async Task A_fee_bearing_checkout_needs_acknowledgement_and_the_fee_can_then_be_paid_in_parts()
    {
        await using var library = await TestLibrary.StartAsync();
        var kiosk = await library.KioskAsync("north-kiosk", "north-pass");

        // Round 1: the kiosk asks without BO; the ACS says what it would cost.
        var asked = await kiosk.CheckoutAsync("21001", "31017", "1234");
        Assert.False(asked.Ok);
        Assert.Equal(FeeType.Rental, asked.FeeType);
        Assert.Equal("2.00", asked.FeeAmount?.Text);
        Assert.Equal("EUR", asked.CurrencyType);
        Assert.Equal([Text(Sip2MessageScenario.FeeMustBeAcknowledged)], asked.ScreenMessages);
        Assert.Null(library.Library.GetBorrower("31017"));

        // Round 2: the patron agreed.
        var agreed = await kiosk.CheckoutAsync("21001", "31017", "1234", feeAcknowledged: true);
        Assert.True(agreed.Ok);
        Assert.Equal("20260309    235959", agreed.DueDate); // the DVD's own 7-day loan
        var feeId = Assert.IsType<string>(agreed.TransactionId);
        Assert.Equal([(feeId, 2.00m)], library.Library.GetFees("21001"));

        var partial = await kiosk.FeePaidAsync("21001", 0.50m, "EUR", FeeType.Rental, feeIdentifier: feeId);
        Assert.True(partial.PaymentAccepted);
        Assert.False(string.IsNullOrEmpty(partial.TransactionId));
        Assert.Equal([(feeId, 1.50m)], library.Library.GetFees("21001"));

        var tooMuch = await kiosk.FeePaidAsync("21001", 5.00m, "EUR", feeIdentifier: feeId);
        Assert.False(tooMuch.PaymentAccepted);
        var wrongCurrency = await kiosk.FeePaidAsync("21001", 1.50m, "USD", feeIdentifier: feeId);
        Assert.False(wrongCurrency.PaymentAccepted);

        var rest = await kiosk.FeePaidAsync("21001", 1.50m, "EUR", feeIdentifier: feeId, transactionId: "TILL-42");
        Assert.True(rest.PaymentAccepted);
        Assert.Equal("TILL-42", rest.TransactionId);
        Assert.Empty(library.Library.GetFees("21001"));
    }

    [Fact]
    public async Task A_payment_without_fee_id_pays_the_oldest_fees_first()
    {
        await using var library = await TestLibrary.StartAsync();
        var kiosk = await library.KioskAsync("north-kiosk", "north-pass");
        var paid = await kiosk.FeePaidAsync("21002", 4.00m, "EUR");
        Assert.True(paid.PaymentAccepted);
        Assert.Equal([("F0002", 0.75m)], library.Library.GetFees("21002"));
    }

    [Fact]
    public async Task Checkin_routes_an_item_to_the_hold_shelf_here_or_to_the_pickup_branch_with_an_alert()
    {
        await using var library = await TestLibrary.StartAsync();
        var kiosk = await library.KioskAsync("north-kiosk", "north-pass");

        // 31005 is on loan and held by 21006 for pickup at MAIN, where this kiosk stands.
        var here = await kiosk.CheckinAsync("31005");
        Assert.True(here.Ok);
        Assert.True(here.Alert);
        Assert.False(here.Resensitize);
        Assert.Null(here.AlertType); // the Default profile sends no sorter fields
        Assert.Null(here.SortBin); // MAIN does not use sort bins
        Assert.Equal(CirculationStatus.WaitingOnHoldShelf, library.Library.GetItemStatus("31005"));

        // The Hillside sorter (Bibliotheca profile, sort bins on).
        var sorter = await library.KioskAsync("hill-sorter", "sorter-pass");

        // 31006 is held by 21009 for pickup at HILL: the hold shelf here.
        var hold = await sorter.CheckinAsync("31006");
        Assert.True(hold.Alert);
        Assert.Equal(AlertType.HoldForThisLibrary, hold.AlertType);
        Assert.Equal("2", hold.SortBin);
        Assert.Equal("21009", hold.HoldPatronId);
        Assert.Equal("Mía Fernández", hold.HoldPatronName);

        // 31002 is held by 21011 for pickup at MAIN: send it there.
        var transit = await sorter.CheckinAsync("31002");
        Assert.True(transit.Alert);
        Assert.Equal(AlertType.HoldForOtherBranch, transit.AlertType);
        Assert.Equal("MAIN", transit.DestinationLocation);
        Assert.Equal("3", transit.SortBin);
        Assert.Equal(CirculationStatus.InTransit, library.Library.GetItemStatus("31002"));

        // Arriving at MAIN, it goes on the hold shelf there.
        var arrived = await kiosk.CheckinAsync("31002");
        Assert.True(arrived.Alert);
        Assert.Equal(CirculationStatus.WaitingOnHoldShelf, library.Library.GetItemStatus("31002"));

        // 31001 belongs to MAIN and nobody wants it: home it goes.
        var home = await sorter.CheckinAsync("31001");
        Assert.True(home.Alert);
        Assert.Equal(AlertType.SendToOtherBranch, home.AlertType);
        Assert.Equal("MAIN", home.DestinationLocation);

        // 31019 belongs to HILL: back on the shelf, no alert.
        var shelf = await sorter.CheckinAsync("31019");
        Assert.False(shelf.Alert);
        Assert.Null(shelf.AlertType);
        Assert.Equal("1", shelf.SortBin);
    }

    [Fact]
    public async Task Concurrent_kiosks_checking_out_the_same_item_exactly_one_succeeds()
    {
        await using var library = await TestLibrary.StartAsync();
        string[] patrons = ["21001", "21002", "21006", "21007", "21008", "21010", "21011", "21012"];
        var kiosks = await Task.WhenAll(patrons.Select(_ => library.KioskAsync("north-kiosk", "north-pass")));

        var results = await Task.WhenAll(kiosks.Select((kiosk, i) => kiosk.CheckoutAsync(patrons[i], "31020")));

        var winner = Assert.Single(results, r => r.Ok);
        Assert.Equal(winner.PatronIdentifier, library.Library.GetBorrower("31020"));
        Assert.All(results.Where(r => !r.Ok), r => Assert.Equal([Text(Sip2MessageScenario.ItemCheckedOutToAnotherPatron)], r.ScreenMessages));
    }

    [Fact]
    public async Task Holds_are_added_changed_and_deleted_with_their_queue_position()
    {
        await using var library = await TestLibrary.StartAsync();
        var kiosk = await library.KioskAsync("north-kiosk", "north-pass");

        // 31002 already has 21011 waiting.
        var added = await kiosk.HoldAsync(HoldMode.Add, "21006", itemIdentifier: "31002");
        Assert.True(added.Ok);
        Assert.False(added.Available);
        Assert.Equal(2, added.QueuePosition);
        Assert.Equal("MAIN", added.PickupLocation);

        var again = await kiosk.HoldAsync(HoldMode.Add, "21006", itemIdentifier: "31002");
        Assert.False(again.Ok);

        var changed = await kiosk.HoldAsync(HoldMode.Change, "21006", itemIdentifier: "31002", pickupLocation: "HILL");
        Assert.True(changed.Ok);
        Assert.Equal("HILL", changed.PickupLocation);

        var deleted = await kiosk.HoldAsync(HoldMode.Delete, "21006", itemIdentifier: "31002");
        Assert.True(deleted.Ok);
        var gone = await kiosk.HoldAsync(HoldMode.Delete, "21006", itemIdentifier: "31002");
        Assert.False(gone.Ok);

        // A title hold on a copy on the shelf: available now, and reserved for the patron.
        var title = await kiosk.HoldAsync(HoldMode.Add, "21006", titleIdentifier: "I promessi sposi");
        Assert.True(title.Ok);
        Assert.True(title.Available);
        Assert.Equal("31022", title.ItemIdentifier);
        var other = await kiosk.CheckoutAsync("21007", "31022");
        Assert.False(other.Ok);
        Assert.Equal([Text(Sip2MessageScenario.ItemOnHoldForAnotherPatron)], other.ScreenMessages);
        var holder = await kiosk.CheckoutAsync("21006", "31022");
        Assert.True(holder.Ok);
        var info = await kiosk.PatronInformationAsync("21006");
        Assert.Equal(1, info.HoldItemsCount + info.UnavailableHoldsCount); // the hold on 31022 is fulfilled; the one on 31005 waits
    }

    [Fact]
    public async Task An_available_hold_is_checked_out_where_the_branch_allows_it_only()
    {
        await using var library = await TestLibrary.StartAsync();
        var sorter = await library.KioskAsync("hill-sorter", "sorter-pass");
        var refused = await sorter.CheckoutAsync("21001", "31010");
        Assert.False(refused.Ok);
        Assert.Equal([Text(Sip2MessageScenario.AvailableHoldNotAllowed)], refused.ScreenMessages);

        var kiosk = await library.KioskAsync("north-kiosk", "north-pass");
        Assert.True((await kiosk.CheckoutAsync("21001", "31010")).Ok);
    }

    [Fact]
    public async Task Patron_information_pages_its_lists_and_keeps_personal_data_where_the_branch_says_so()
    {
        await using var library = await TestLibrary.StartAsync();
        var kiosk = await library.KioskAsync("north-kiosk", "north-pass");

        var page = await kiosk.PatronInformationAsync("21013", PatronSummary.ChargedItems, startItem: 2, endItem: 4);
        Assert.Equal(6, page.ChargedItemsCount);
        Assert.Equal(["31012", "31013", "31014"], page.ChargedItems);
        var overdue = await kiosk.PatronInformationAsync("21013", PatronSummary.OverdueItems);
        Assert.Equal(["31016"], overdue.OverdueItems);
        var fines = await kiosk.PatronInformationAsync("21002", PatronSummary.FineItems);
        Assert.Equal(2, fines.FineItems.Count);
        Assert.StartsWith("F0001 3.50 EUR", fines.FineItems[0], StringComparison.Ordinal);
        Assert.Equal("4.75", fines.FeeAmount?.Text);

        var wrongPin = await kiosk.PatronInformationAsync("21013", PatronSummary.ChargedItems, patronPassword: "0000");
        Assert.False(wrongPin.ValidPatronPassword);
        Assert.Empty(wrongPin.ChargedItems);
        Assert.Null(wrongPin.HomeAddress);

        // Hillside does not send personal data: counts yes, lists and addresses no.
        var sorter = await library.KioskAsync("hill-sorter", "sorter-pass");
        var restricted = await sorter.PatronInformationAsync("21013", PatronSummary.ChargedItems);
        Assert.Equal("Antonín Dvo?ák", restricted.PersonalName); // ř is not in IBM850; a UTF-8 registration carries it
        Assert.Equal(6, restricted.ChargedItemsCount);
        Assert.Empty(restricted.ChargedItems);
        Assert.Null(restricted.HomeAddress);
        Assert.Null(restricted.FeeAmount);
    }

    [Fact]
    public async Task Patron_blocks_expiry_and_fee_limits_stop_checkouts_and_patron_enable_lifts_a_block()
    {
        await using var library = await TestLibrary.StartAsync();
        var kiosk = await library.KioskAsync("north-kiosk", "north-pass");

        Assert.Equal([Text(Sip2MessageScenario.PatronCardExpired)], (await kiosk.CheckoutAsync("21004", "31001")).ScreenMessages);
        Assert.Equal([Text(Sip2MessageScenario.PatronFeeLimitExceeded)], (await kiosk.CheckoutAsync("21005", "31001")).ScreenMessages);
        Assert.Equal([Text(Sip2MessageScenario.InvalidPatronPassword)], (await kiosk.CheckoutAsync("21001", "31001", "9999")).ScreenMessages);
        Assert.Equal([Text(Sip2MessageScenario.ItemNotCirculating)], (await kiosk.CheckoutAsync("21001", "31009")).ScreenMessages);

        var blocked = await kiosk.BlockPatronAsync("21014", "Card left in the kiosk");
        Assert.True(blocked.PatronStatus.HasFlag(PatronStatus.ChargePrivilegesDenied));
        var refused = await kiosk.CheckoutAsync("21014", "31001");
        Assert.False(refused.Ok);
        Assert.Equal([Text(Sip2MessageScenario.PatronBlocked)], refused.ScreenMessages);

        var enabled = await kiosk.PatronEnableAsync("21014");
        Assert.Equal(PatronStatus.None, enabled.PatronStatus);
        Assert.True((await kiosk.CheckoutAsync("21014", "31001")).Ok);

        var ended = await kiosk.EndSessionAsync("21014");
        Assert.True(ended.EndSession);
    }

    [Fact]
    public async Task Renewals_respect_limits_and_waiting_holds_and_renew_all_reports_both_lists()
    {
        await using var library = await TestLibrary.StartAsync();
        var kiosk = await library.KioskAsync("north-kiosk", "north-pass");

        Assert.Equal([Text(Sip2MessageScenario.RenewalLimitReached)], (await kiosk.RenewAsync("21012", "31008")).ScreenMessages);
        Assert.Equal([Text(Sip2MessageScenario.RenewalNotAllowed)], (await kiosk.RenewAsync("21001", "31002")).ScreenMessages);

        var renewed = await kiosk.RenewAsync("21013", "31011");
        Assert.True(renewed.Ok);
        Assert.Equal("20260323    235959", renewed.DueDate);

        // A checkout of an item the patron already has is a renewal.
        var again = await kiosk.CheckoutAsync("21013", "31012");
        Assert.True(again.Ok);
        Assert.True(again.RenewalOk);

        var all = await kiosk.RenewAllAsync("21013");
        Assert.True(all.Ok);
        Assert.Equal(6, all.RenewedCount);
        Assert.Equal(0, all.UnrenewedCount);
        var limit = await kiosk.RenewAllAsync("21013");
        Assert.Equal(["31011", "31012"], limit.UnrenewedItems); // renewed twice already
        Assert.Equal(4, limit.RenewedCount);
    }

    [Fact]
    public async Task Off_line_transactions_are_recorded_without_blocks_and_late_returns_are_fined_by_return_date()
    {
        await using var library = await TestLibrary.StartAsync();
        var kiosk = await library.KioskAsync("north-kiosk", "north-pass");

        // 21003 is blocked, but the kiosk already lent the book while the ACS was away.
        var offline = await kiosk.SendAsync<CheckoutResponse>(new CheckoutRequest
        {
            ScRenewalPolicy = true,
            NoBlock = true,
            TransactionDate = Sip2Timestamp.Local(new DateTime(2026, 2, 1, 12, 0, 0)),
            NbDueDate = Sip2Timestamp.Local(new DateTime(2026, 2, 15, 23, 59, 59)),
            InstitutionId = "NORTH",
            PatronIdentifier = "21003",
            ItemIdentifier = "31021",
            TerminalPassword = "",
        });
        Assert.True(offline.Ok);
        Assert.Equal("20260215    235959", offline.DueDate);

        // Returned off-line on 2026-02-19: four started days late at 0.25.
        var returned = await kiosk.SendAsync<CheckinResponse>(new CheckinRequest
        {
            NoBlock = true,
            TransactionDate = Sip2Timestamp.Local(new DateTime(2026, 2, 19, 9, 0, 0)),
            ReturnDate = Sip2Timestamp.Local(new DateTime(2026, 2, 19, 9, 0, 0)),
            CurrentLocation = "",
            InstitutionId = "NORTH",
            ItemIdentifier = "31021",
            TerminalPassword = "",
        });
        Assert.True(returned.Ok);
        Assert.Equal(1.00m, Assert.Single(library.Library.GetFees("21003")).Amount);
    }

    [Fact]
    public async Task A_checkin_with_cancel_undoes_a_failed_checkout_without_fine_or_routing()
    {
        await using var library = await TestLibrary.StartAsync();
        var kiosk = await library.KioskAsync("north-kiosk", "north-pass");
        Assert.True((await kiosk.CheckoutAsync("21001", "31004")).Ok);

        var cancel = new CheckinRequest
        {
            NoBlock = false,
            TransactionDate = Sip2Timestamp.Local(TestLibrary.Start.DateTime),
            ReturnDate = Sip2Timestamp.Local(TestLibrary.Start.DateTime),
            CurrentLocation = "",
            InstitutionId = "NORTH",
            ItemIdentifier = "31004",
            TerminalPassword = "",
            Cancel = true,
        };
        var undone = await kiosk.SendAsync<CheckinResponse>(cancel);
        Assert.True(undone.Ok);
        Assert.Null(library.Library.GetBorrower("31004"));
        // A second cancel, a new transaction (a later date; the same one again would be answered as a
        // retransmission): nothing left to cancel.
        var again = cancel with { TransactionDate = Sip2Timestamp.Local(TestLibrary.Start.DateTime.AddSeconds(5)) };
        Assert.False((await kiosk.SendAsync<CheckinResponse>(again)).Ok);
    }

    [Fact]
    public async Task Item_information_and_item_status_update_show_and_change_the_item()
    {
        await using var library = await TestLibrary.StartAsync();
        var kiosk = await library.KioskAsync("north-kiosk", "north-pass");

        var onLoan = await kiosk.ItemInformationAsync("31005");
        Assert.Equal(CirculationStatus.Charged, onLoan.CirculationStatus);
        Assert.Equal("20260305    235959", onLoan.DueDate);
        Assert.Equal(1, onLoan.HoldQueueLength);
        Assert.Equal("NORTH", onLoan.Owner);

        Assert.Equal(CirculationStatus.Lost, (await kiosk.ItemInformationAsync("31018")).CirculationStatus);
        Assert.Equal("Мастер и Маргарита".Length, (await kiosk.ItemInformationAsync("31018")).TitleIdentifier.Length);

        var updated = await kiosk.ItemStatusUpdateAsync("31001", "2 discs");
        Assert.True(updated.ItemPropertiesOk);
        Assert.Equal("2 discs", (await kiosk.ItemInformationAsync("31001")).ItemProperties);

        var unknown = await kiosk.ItemInformationAsync("99999");
        Assert.Equal([Text(Sip2MessageScenario.ItemNotFound)], unknown.ScreenMessages);
    }
}
