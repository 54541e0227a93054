using System.Collections.Generic;

namespace Sip2.Net.Messages;

/// <summary>ACS Status (98): the ACS's state, capabilities and supported messages.</summary>
/// <remarks>Wire layout: <c>98</c> + on-line status (1) + checkin ok (1) + checkout ok (1) + ACS renewal policy (1) + status update ok (1) + off-line ok (1) + timeout period (3) + retries allowed (3) + date / time sync (18) + protocol version (4) + variable fields.</remarks>
public sealed record AcsStatusResponse() : Sip2Message(Sip2Command.AcsStatus)
{
    /// <summary>On-line status (fixed, 1 character).</summary>
    public bool OnlineStatus { get => GetFixedYesNo(0); init => SetFixedYesNo(0, value); }

    /// <summary>Checkin ok (fixed, 1 character).</summary>
    public bool CheckinOk { get => GetFixedYesNo(1); init => SetFixedYesNo(1, value); }

    /// <summary>Checkout ok (fixed, 1 character).</summary>
    public bool CheckoutOk { get => GetFixedYesNo(2); init => SetFixedYesNo(2, value); }

    /// <summary>ACS renewal policy (fixed, 1 character).</summary>
    public bool AcsRenewalPolicy { get => GetFixedYesNo(3); init => SetFixedYesNo(3, value); }

    /// <summary>Status update ok (fixed, 1 character).</summary>
    public bool StatusUpdateOk { get => GetFixedYesNo(4); init => SetFixedYesNo(4, value); }

    /// <summary>Off-line ok (fixed, 1 character).</summary>
    public bool OfflineOk { get => GetFixedYesNo(5); init => SetFixedYesNo(5, value); }

    /// <summary>Timeout period (fixed, 3 characters): in tenths of a second; 000 = ACS not on-line, 999 = unknown.</summary>
    public int? TimeoutPeriod { get => GetFixedNumber(6); init => SetFixedNumber(6, value); }

    /// <summary>Retries allowed (fixed, 3 characters): 999 = unknown.</summary>
    public int? RetriesAllowed { get => GetFixedNumber(7); init => SetFixedNumber(7, value); }

    /// <summary>Date / time sync (fixed, 18 characters).</summary>
    public Sip2Timestamp? DateTimeSync { get => GetFixedTimestamp(8); init => SetFixedTimestamp(8, value); }

    /// <summary>Protocol version (fixed, 4 characters).</summary>
    public string ProtocolVersion { get => GetFixed(9); init => SetFixed(9, value); }

    /// <summary>Institution id (AO, required).</summary>
    public string InstitutionId { get => GetRequiredText(FieldId.InstitutionId); init => SetText(FieldId.InstitutionId, value); }

    /// <summary>Library name (AM, optional).</summary>
    public string? LibraryName { get => GetText(FieldId.LibraryName); init => SetText(FieldId.LibraryName, value); }

    /// <summary>Supported messages (BX, required).</summary>
    public SupportedMessages? SupportedMessages { get => GetSupportedMessages(FieldId.SupportedMessages); init => SetSupportedMessages(FieldId.SupportedMessages, value); }

    /// <summary>Terminal location (AN, optional).</summary>
    public string? TerminalLocation { get => GetText(FieldId.TerminalLocation); init => SetText(FieldId.TerminalLocation, value); }

    /// <summary>Screen message (AF, optional, repeatable).</summary>
    public IReadOnlyList<string> ScreenMessages { get => GetTexts(FieldId.ScreenMessage); init => SetTexts(FieldId.ScreenMessage, value); }

    /// <summary>Print line (AG, optional, repeatable).</summary>
    public IReadOnlyList<string> PrintLines { get => GetTexts(FieldId.PrintLine); init => SetTexts(FieldId.PrintLine, value); }
}
