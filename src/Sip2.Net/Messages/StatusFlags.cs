using System;

namespace Sip2.Net.Messages;

/// <summary>
/// The 14-position patron status of 24, 26 and 64. Each flag is one position; on the wire a set flag is
/// <c>Y</c> and a clear one a space (an <c>N</c> is read as clear).
/// </summary>
[Flags]
public enum PatronStatus
{
    /// <summary>No restriction.</summary>
    None = 0,
    /// <summary>Position 0: charge privileges denied.</summary>
    ChargePrivilegesDenied = 1 << 0,
    /// <summary>Position 1: renewal privileges denied.</summary>
    RenewalPrivilegesDenied = 1 << 1,
    /// <summary>Position 2: recall privileges denied.</summary>
    RecallPrivilegesDenied = 1 << 2,
    /// <summary>Position 3: hold privileges denied.</summary>
    HoldPrivilegesDenied = 1 << 3,
    /// <summary>Position 4: card reported lost.</summary>
    CardReportedLost = 1 << 4,
    /// <summary>Position 5: too many items charged.</summary>
    TooManyItemsCharged = 1 << 5,
    /// <summary>Position 6: too many items overdue.</summary>
    TooManyItemsOverdue = 1 << 6,
    /// <summary>Position 7: too many renewals.</summary>
    TooManyRenewals = 1 << 7,
    /// <summary>Position 8: too many claims of items returned.</summary>
    TooManyClaimsOfItemsReturned = 1 << 8,
    /// <summary>Position 9: too many items lost.</summary>
    TooManyItemsLost = 1 << 9,
    /// <summary>Position 10: excessive outstanding fines.</summary>
    ExcessiveOutstandingFines = 1 << 10,
    /// <summary>Position 11: excessive outstanding fees.</summary>
    ExcessiveOutstandingFees = 1 << 11,
    /// <summary>Position 12: recall overdue.</summary>
    RecallOverdue = 1 << 12,
    /// <summary>Position 13: too many items billed.</summary>
    TooManyItemsBilled = 1 << 13,
}

/// <summary>
/// The 10-position summary of a Patron Information request: which detail list the SC asks for.
/// The spec allows at most one; servers usually honour the first.
/// </summary>
[Flags]
public enum PatronSummary
{
    /// <summary>Counts only.</summary>
    None = 0,
    /// <summary>Position 0: hold items (AS).</summary>
    HoldItems = 1 << 0,
    /// <summary>Position 1: overdue items (AT).</summary>
    OverdueItems = 1 << 1,
    /// <summary>Position 2: charged items (AU).</summary>
    ChargedItems = 1 << 2,
    /// <summary>Position 3: fine items (AV).</summary>
    FineItems = 1 << 3,
    /// <summary>Position 4: recall items (BU).</summary>
    RecallItems = 1 << 4,
    /// <summary>Position 5: unavailable hold items (CD).</summary>
    UnavailableHoldItems = 1 << 5,
    /// <summary>Position 6: unused by the spec; FOLIO reads it as "extended fees".</summary>
    ExtendedFees = 1 << 6,
    /// <summary>Position 7: unused by the spec.</summary>
    Reserved7 = 1 << 7,
    /// <summary>Position 8: unused by the spec.</summary>
    Reserved8 = 1 << 8,
    /// <summary>Position 9: unused by the spec.</summary>
    Reserved9 = 1 << 9,
}

/// <summary>
/// The 16 positions of the supported-messages field (BX) of ACS Status, in wire order.
/// Clients have been seen sending more than 16; only the first 16 are read.
/// </summary>
[Flags]
public enum SupportedMessages
{
    /// <summary>No message.</summary>
    None = 0,
    /// <summary>Position 1: Patron Status Request (23).</summary>
    PatronStatusRequest = 1 << 0,
    /// <summary>Position 2: Checkout (11).</summary>
    Checkout = 1 << 1,
    /// <summary>Position 3: Checkin (09).</summary>
    Checkin = 1 << 2,
    /// <summary>Position 4: Block Patron (01).</summary>
    BlockPatron = 1 << 3,
    /// <summary>Position 5: SC/ACS Status (99/98). Should always be supported.</summary>
    ScAcsStatus = 1 << 4,
    /// <summary>Position 6: Request SC/ACS Resend (97/96). Should always be supported.</summary>
    RequestScAcsResend = 1 << 5,
    /// <summary>Position 7: Login (93).</summary>
    Login = 1 << 6,
    /// <summary>Position 8: Patron Information (63).</summary>
    PatronInformation = 1 << 7,
    /// <summary>Position 9: End Patron Session (35).</summary>
    EndPatronSession = 1 << 8,
    /// <summary>Position 10: Fee Paid (37).</summary>
    FeePaid = 1 << 9,
    /// <summary>Position 11: Item Information (17).</summary>
    ItemInformation = 1 << 10,
    /// <summary>Position 12: Item Status Update (19).</summary>
    ItemStatusUpdate = 1 << 11,
    /// <summary>Position 13: Patron Enable (25).</summary>
    PatronEnable = 1 << 12,
    /// <summary>Position 14: Hold (15).</summary>
    Hold = 1 << 13,
    /// <summary>Position 15: Renew (29).</summary>
    Renew = 1 << 14,
    /// <summary>Position 16: Renew All (65).</summary>
    RenewAll = 1 << 15,
    /// <summary>Every message.</summary>
    All = (1 << 16) - 1,
}

/// <summary>Helpers over <see cref="SupportedMessages"/>.</summary>
public static class SupportedMessagesExtensions
{
    /// <summary>
    /// The supported-messages flag that governs a request, or <see cref="SupportedMessages.None"/> for a
    /// code that no flag covers (responses).
    /// </summary>
    public static SupportedMessages ForRequest(Sip2Command command) => command switch
    {
        Sip2Command.PatronStatusRequest => SupportedMessages.PatronStatusRequest,
        Sip2Command.Checkout => SupportedMessages.Checkout,
        Sip2Command.Checkin => SupportedMessages.Checkin,
        Sip2Command.BlockPatron => SupportedMessages.BlockPatron,
        Sip2Command.ScStatus => SupportedMessages.ScAcsStatus,
        Sip2Command.RequestAcsResend => SupportedMessages.RequestScAcsResend,
        Sip2Command.Login => SupportedMessages.Login,
        Sip2Command.PatronInformation => SupportedMessages.PatronInformation,
        Sip2Command.EndPatronSession => SupportedMessages.EndPatronSession,
        Sip2Command.FeePaid => SupportedMessages.FeePaid,
        Sip2Command.ItemInformation => SupportedMessages.ItemInformation,
        Sip2Command.ItemStatusUpdate => SupportedMessages.ItemStatusUpdate,
        Sip2Command.PatronEnable => SupportedMessages.PatronEnable,
        Sip2Command.Hold => SupportedMessages.Hold,
        Sip2Command.Renew => SupportedMessages.Renew,
        Sip2Command.RenewAll => SupportedMessages.RenewAll,
        _ => SupportedMessages.None,
    };

    /// <summary>Whether <paramref name="supported"/> lets an SC send <paramref name="command"/>.</summary>
    public static bool Allows(this SupportedMessages supported, Sip2Command command)
    {
        var flag = ForRequest(command);
        return flag != SupportedMessages.None && (supported & flag) == flag;
    }
}
