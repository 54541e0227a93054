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
