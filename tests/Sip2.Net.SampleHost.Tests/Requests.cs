using Sip2.Net.Messages;

namespace Sip2.Net.SampleHost.Tests;

/// <summary>Requests as a kiosk builds them, for the raw-socket kiosks (the AO is the session's anyway).</summary>
internal static class Requests
{
    private static Sip2Timestamp Now => Sip2Timestamp.Local(TestLibrary.Start.DateTime);

    public static PatronInformationRequest PatronInformation(string patron) => new()
    {
        Language = Sip2Language.Unknown, TransactionDate = Now, Summary = PatronSummary.None, InstitutionId = "", PatronIdentifier = patron,
    };

    public static PatronStatusRequest PatronStatus(string patron) => new()
    {
        Language = Sip2Language.Unknown, TransactionDate = Now, InstitutionId = "", PatronIdentifier = patron, TerminalPassword = "", PatronPassword = "",
    };

    public static CheckinRequest Checkin(string item) => new()
    {
        TransactionDate = Now, ReturnDate = Now, CurrentLocation = "", InstitutionId = "", ItemIdentifier = item, TerminalPassword = "",
    };

    public static RenewRequest Renew(string patron, string item) => new()
    {
        TransactionDate = Now, InstitutionId = "", PatronIdentifier = patron, PatronPassword = "1234", ItemIdentifier = item,
    };

    public static HoldRequest Hold(HoldMode mode, string patron, string item) => new()
    {
        HoldMode = mode, TransactionDate = Now, InstitutionId = "", PatronIdentifier = patron, ItemIdentifier = item,
    };

    public static CheckoutRequest Checkout(string patron, string item) => new()
    {
        ScRenewalPolicy = true, TransactionDate = Now, InstitutionId = "", PatronIdentifier = patron, ItemIdentifier = item, TerminalPassword = "",
    };
}
