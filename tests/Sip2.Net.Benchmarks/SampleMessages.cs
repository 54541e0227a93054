using Sip2.Net.Messages;

namespace Sip2.Net.Benchmarks;

/// <summary>Representative messages for the codec benchmarks and the load tool, with non-ASCII text so IBM850 and UTF-8 differ.</summary>
public static class SampleMessages
{
    private static readonly Sip2Timestamp When = Sip2Timestamp.Local(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Unspecified));

    public static IReadOnlyList<string> Names { get; } = ["93", "99", "98", "11", "12", "09", "10", "63", "64x50"];

    public static Sip2Message Get(string name) => name switch
    {
        "93" => new LoginRequest { LoginUserId = "kiosk-01", LoginPassword = "s3cret", LocationCode = "Hauptstelle" },
        "99" => ScStatus,
        "98" => new AcsStatusResponse
        {
            OnlineStatus = true, CheckinOk = true, CheckoutOk = true, AcsRenewalPolicy = true, TimeoutPeriod = 30, RetriesAllowed = 3,
            DateTimeSync = When, InstitutionId = "main", LibraryName = "Stadtbücherei Köln", SupportedMessages = SupportedMessages.All,
            TerminalLocation = "Kiosk 1",
        },
        "11" => Checkout("I0001"),
        "12" => new CheckoutResponse
        {
            Ok = true, RenewalOk = false, MagneticMedia = false, Desensitize = true, TransactionDate = When, InstitutionId = "main",
            PatronIdentifier = "P0001", ItemIdentifier = "I0001", TitleIdentifier = "Les Misérables / Victor Hugo", DueDate = "20260116    235900",
            ScreenMessages = ["Rückgabe bis 16.01.2026"],
        },
        "09" => Checkin("I0001"),
        "10" => new CheckinResponse
        {
            Ok = true, Resensitize = true, MagneticMedia = false, Alert = false, TransactionDate = When, InstitutionId = "main",
            ItemIdentifier = "I0001", PermanentLocation = "Zweigstelle Süd", TitleIdentifier = "Les Misérables / Victor Hugo", SortBin = "A1",
        },
        "63" => PatronInformation,
        "64x50" => PatronInformationResponse(50),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown sample."),
    };

    public static ScStatusRequest ScStatus { get; } = new() { MaxPrintWidth = 40 };

    public static PatronInformationRequest PatronInformation { get; } = new()
    {
        Language = Sip2Language.German, TransactionDate = When, Summary = PatronSummary.ChargedItems, InstitutionId = "main",
        PatronIdentifier = "P0001", TerminalPassword = "", PatronPassword = "1234", StartItem = 1, EndItem = 50,
    };

    public static CheckoutRequest Checkout(string item) => new()
    {
        ScRenewalPolicy = true, TransactionDate = When, InstitutionId = "main", PatronIdentifier = "P0001", ItemIdentifier = item,
        TerminalPassword = "", PatronPassword = "1234",
    };

    public static CheckinRequest Checkin(string item) => new()
    {
        TransactionDate = When, ReturnDate = When, CurrentLocation = "Zweigstelle Süd", InstitutionId = "main", ItemIdentifier = item,
        TerminalPassword = "",
    };

    public static PatronInformationResponse PatronInformationResponse(int chargedItems) => new()
    {
        Language = Sip2Language.German, TransactionDate = When, HoldItemsCount = 0, OverdueItemsCount = 0, ChargedItemsCount = chargedItems,
        FineItemsCount = 0, RecallItemsCount = 0, UnavailableHoldsCount = 0, InstitutionId = "main", PatronIdentifier = "P0001",
        PersonalName = "Jürgen Müller", ValidPatron = true, ValidPatronPassword = true, CurrencyType = "EUR",
        ChargedItems = Enumerable.Range(1, chargedItems).Select(i => $"3123400{i:00000}").ToArray(),
        EmailAddress = "j.mueller@example.org", ScreenMessages = ["Grüß Gott"],
    };
}
