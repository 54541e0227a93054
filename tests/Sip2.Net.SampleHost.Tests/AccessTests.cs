using Sip2.Net.Client;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Resolution;

namespace Sip2.Net.SampleHost.Tests;

/// <summary>Full kiosk sessions over the socket: login, status, patron information, checkout, checkin, and the registration model.</summary>
public sealed class AccessTests
{
    private static readonly string PatronOutOfScope = Sip2MessageCatalog.GetDefaultText(Sip2MessageScenario.PatronOutOfScope);
    private static readonly string ItemOutOfScope = Sip2MessageCatalog.GetDefaultText(Sip2MessageScenario.ItemOutOfScope);

    [Fact]
    public async Task A_kiosk_logs_in_reads_status_and_patron_then_checks_an_item_out_and_in()
    {
        await using var library = await TestLibrary.StartAsync();
        var kiosk = await library.KioskAsync("north-kiosk", "north-pass");

        var status = await kiosk.ScStatusAsync();
        Assert.Equal("NORTH", status.InstitutionId);
        Assert.Equal("Northfield Main Library", status.LibraryName);
        Assert.Equal(300, status.TimeoutPeriod);

        var patron = await kiosk.PatronInformationAsync("21001", PatronSummary.ChargedItems, patronPassword: "1234");
        Assert.Equal("Zoë Ångström", patron.PersonalName); // through IBM850 both ways
        Assert.True(patron.ValidPatronPassword);
        Assert.Equal(["31002", "31003"], patron.ChargedItems);
        Assert.Equal(1, patron.OverdueItemsCount);
        Assert.Equal(1, patron.HoldItemsCount); // 31010 waits on the hold shelf
        Assert.Equal("zoe.angstrom@example.org", patron.EmailAddress);

        var checkout = await kiosk.CheckoutAsync("21001", "31001", "1234");
        Assert.True(checkout.Ok);
        Assert.Equal("Der Zauberberg", checkout.TitleIdentifier);
        Assert.Equal("20260323    235959", checkout.DueDate); // 21 days from 2026-03-02, end of day
        Assert.Equal("21001", library.Library.GetBorrower("31001"));

        var checkin = await kiosk.CheckinAsync("31001");
        Assert.True(checkin.Ok);
        Assert.False(checkin.Alert);
        Assert.Equal("21001", checkin.PatronIdentifier);
        Assert.Equal("MAIN", checkin.PermanentLocation);
        Assert.Null(library.Library.GetBorrower("31001"));
        Assert.Equal(CirculationStatus.Available, library.Library.GetItemStatus("31001"));
    }

    [Fact]
    public async Task Two_login_ids_on_one_address_switch_institution_encoding_and_vendor_profile_by_login()
    {
        await using var library = await TestLibrary.StartAsync();
        // One client in UTF-8: the NORTH session answers in IBM850 (ASCII here), the SOUTH one in UTF-8.
        var kiosk = await library.KioskAsync("north-kiosk", "north-pass", Sip2Encoding.Utf8);

        var refused = await kiosk.PatronInformationAsync("22001");
        Assert.False(refused.ValidPatron);
        Assert.Equal([PatronOutOfScope], refused.ScreenMessages);

        await kiosk.LoginAsync("south-kiosk", "south-pass");
        var status = await kiosk.ScStatusAsync();
        Assert.Equal("SOUTH", status.InstitutionId);

        var patron = await kiosk.PatronInformationAsync("22001", patronPassword: "1234");
        Assert.True(patron.ValidPatron);
        Assert.Equal("Élodie Marchand", patron.PersonalName);
        // Envisionware's patron fields.
        Assert.Equal("19900412", patron.PatronBirthDate);
        Assert.Equal("ADULT", patron.PatronClass);
        Assert.Equal("STANDARD", patron.PatronInternetProfile);
        Assert.Equal(new DateTime(2030, 12, 31), patron.PatronExpirationDate?.DateTime);

        // And NORTH's patrons are now the foreign ones.
        var north = await kiosk.PatronStatusAsync("21001");
        Assert.Equal([PatronOutOfScope], north.ScreenMessages);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_940()
    {
        await using var library = await TestLibrary.StartAsync();
        var kiosk = await library.ConnectAsync();
        await Assert.ThrowsAsync<Sip2LoginRefusedException>(() => kiosk.LoginAsync("north-kiosk", "wrong"));
    }

    [Fact]
    public async Task A_whole_group_kiosk_without_login_serves_the_group_and_interlibrary_loans()
    {
        await using var library = await TestLibrary.StartAsync();
        await using var kiosk = await library.RawKioskAsync("127.0.0.2", Sip2Encoding.Utf8);

        // No Login: the address's only registration binds the session on connect.
        var south = await kiosk.SendAsync<PatronInformationResponse>(Requests.PatronInformation("22006"));
        Assert.Equal("Ōtsuka Haruki 大塚春樹", south.PersonalName);

        var groupItem = await kiosk.SendAsync<CheckoutResponse>(Requests.Checkout("22003", "32001"));
        Assert.True(groupItem.Ok);
        var interlibraryLoan = await kiosk.SendAsync<CheckoutResponse>(Requests.Checkout("22003", "39001"));
        Assert.True(interlibraryLoan.Ok);
        Assert.Equal("ILL: Доктор Живаго", interlibraryLoan.TitleIdentifier);

        // ELM is not in the METRO group.
        var outside = await kiosk.SendAsync<PatronStatusResponse>(Requests.PatronStatus("23001"));
        Assert.False(outside.ValidPatron);
        Assert.Equal([PatronOutOfScope], outside.ScreenMessages);
        var outsideItem = await kiosk.SendAsync<CheckoutResponse>(Requests.Checkout("21001", "33001"));
        Assert.False(outsideItem.Ok);
        Assert.Equal([ItemOutOfScope], outsideItem.ScreenMessages);
    }

    [Fact]
    public async Task A_local_institution_kiosk_sees_neither_group_patrons_nor_group_items_nor_interlibrary_loans()
    {
        await using var library = await TestLibrary.StartAsync();
        var kiosk = await library.KioskAsync("north-kiosk", "north-pass");

        var patron = await kiosk.CheckoutAsync("22003", "31001");
        Assert.False(patron.Ok);
        Assert.Equal([PatronOutOfScope], patron.ScreenMessages);

        var groupItem = await kiosk.CheckoutAsync("21001", "32001");
        Assert.False(groupItem.Ok);
        Assert.Equal([ItemOutOfScope], groupItem.ScreenMessages);

        var interlibraryLoan = await kiosk.CheckoutAsync("21001", "39001");
        Assert.False(interlibraryLoan.Ok);
        Assert.Equal([ItemOutOfScope], interlibraryLoan.ScreenMessages);
        Assert.Null(library.Library.GetBorrower("39001"));
    }

    [Fact]
    public async Task A_deactivated_registration_admits_nothing()
    {
        await using var library = await TestLibrary.StartAsync();
        await using var kiosk = await library.RawKioskAsync("127.0.0.3", Sip2Encoding.Ibm850);
        Assert.True(await kiosk.ClosedWithoutAnswerAsync());
    }
}
