using System;
using Sip2.Net.Messages;

namespace Sip2.Net.Access;

/// <summary>
/// The SIP2 configuration of one branch: what the ACS Status (98) answer says and how the server treats every
/// client registered for the branch. A branch needs one before a client can be registered for it.
/// </summary>
public sealed record Sip2BranchConfiguration
{
    /// <summary>The institution the branch belongs to (AO). Required.</summary>
    public required string InstitutionId { get; init; }

    /// <summary>The branch id, unique within the institution. Required.</summary>
    public required string BranchId { get; init; }

    /// <summary>The messages the branch's clients may send (BX); a message switched off is refused. Default: all.</summary>
    public SupportedMessages SupportedMessages { get; init; } = SupportedMessages.All;

    /// <summary>
    /// How long, in seconds, a client should wait for an answer before retrying. Default: 30. The ACS Status
    /// (98) answer carries it in tenths of a second: see <see cref="AdvertisedTimeoutPeriod"/>.
    /// </summary>
    public int TimeoutSeconds { get; init; } = 30;

    /// <summary>How many times a client may retry a message (98 retries allowed, at most 999). Default: 3.</summary>
    public int RetriesAllowed { get; init; } = 3;

    /// <summary>The terminal location sent in the ACS Status answer (AN), or null.</summary>
    public string? TerminalLocation { get; init; }

    /// <summary>The library name sent in the ACS Status answer (AM), or null.</summary>
    public string? LibraryName { get; init; }

    /// <summary>
    /// Whether Patron Information answers may carry personal data: home address (BD), e-mail (BE), phone (BF),
    /// the item lists and the outstanding fee. Name, barcode and the counts are always sent. Default: false.
    /// </summary>
    public bool SendPersonalData { get; init; }

    /// <summary>Whether checkin answers carry a sort bin (CL) from the routing reason. Default: false.</summary>
    public bool UseSortBin { get; init; }

    /// <summary>Whether an item on an available hold for the patron may be checked out at the kiosk. Default: true.</summary>
    public bool AvailableHoldAllowed { get; init; } = true;

    /// <summary>98 on-line status. Default: true.</summary>
    public bool OnlineStatus { get; init; } = true;

    /// <summary>98 checkin ok. Default: true.</summary>
    public bool CheckinOk { get; init; } = true;

    /// <summary>98 checkout ok. Default: true.</summary>
    public bool CheckoutOk { get; init; } = true;

    /// <summary>98 ACS renewal policy: whether the SC may renew. Default: true.</summary>
    public bool RenewalPolicy { get; init; } = true;

    /// <summary>98 status update ok: whether patron status may be changed (for example a card blocked) from the SC. Default: false.</summary>
    public bool StatusUpdateOk { get; init; }

    /// <summary>98 off-line ok: whether the SC may work off-line. Default: false.</summary>
    public bool OfflineOk { get; init; }

    /// <summary>
    /// <see cref="TimeoutSeconds"/> as the 98 timeout period: tenths of a second, capped at 998 (999 means
    /// "unknown" and 000 "not on-line", so those are never produced from a configured value).
    /// </summary>
    public int AdvertisedTimeoutPeriod => TimeoutSeconds <= 0 ? 1 : (int)Math.Min(998L, TimeoutSeconds * 10L);

    /// <summary><see cref="RetriesAllowed"/> as the 98 retries field, between 0 and 999.</summary>
    public int AdvertisedRetries => Math.Max(0, Math.Min(999, RetriesAllowed));
}
