using System;

namespace Sip2.Net.Messages;

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
