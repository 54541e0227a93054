namespace Sip2.Net.Messages;

/// <summary>Checkin (09).</summary>
/// <remarks>Wire layout: <c>09</c> + no block (1) + transaction date (18) + return date (18) + variable fields.</remarks>
public sealed record CheckinRequest() : Sip2Request<CheckinResponse>(Sip2Command.Checkin)
{
    /// <summary>No block (fixed, 1 character).</summary>
    public bool NoBlock { get => GetFixedYesNo(0); init => SetFixedYesNo(0, value); }

    /// <summary>Transaction date (fixed, 18 characters).</summary>
    public Sip2Timestamp? TransactionDate { get => GetFixedTimestamp(1); init => SetFixedTimestamp(1, value); }

    /// <summary>Return date (fixed, 18 characters).</summary>
    public Sip2Timestamp? ReturnDate { get => GetFixedTimestamp(2); init => SetFixedTimestamp(2, value); }

    /// <summary>Current location (AP, required).</summary>
    public string CurrentLocation { get => GetRequiredText(FieldId.CurrentLocation); init => SetText(FieldId.CurrentLocation, value); }

    /// <summary>Institution id (AO, required).</summary>
    public string InstitutionId { get => GetRequiredText(FieldId.InstitutionId); init => SetText(FieldId.InstitutionId, value); }

    /// <summary>Item identifier (AB, required).</summary>
    public string ItemIdentifier { get => GetRequiredText(FieldId.ItemIdentifier); init => SetText(FieldId.ItemIdentifier, value); }

    /// <summary>Terminal password (AC, required).</summary>
    public string TerminalPassword { get => GetRequiredText(FieldId.TerminalPassword); init => SetText(FieldId.TerminalPassword, value); }

    /// <summary>Item properties (CH, optional).</summary>
    public string? ItemProperties { get => GetText(FieldId.ItemProperties); init => SetText(FieldId.ItemProperties, value); }

    /// <summary>Cancel (BI, optional).</summary>
    public bool? Cancel { get => GetFlag(FieldId.Cancel); init => SetFlag(FieldId.Cancel, value); }
}
