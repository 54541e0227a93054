namespace Sip2.Net.Messages;

/// <summary>Item Status Update (19).</summary>
/// <remarks>Wire layout: <c>19</c> + transaction date (18) + variable fields.</remarks>
public sealed record ItemStatusUpdateRequest() : Sip2Request<ItemStatusUpdateResponse>(Sip2Command.ItemStatusUpdate)
{
    /// <summary>Transaction date (fixed, 18 characters).</summary>
    public Sip2Timestamp? TransactionDate { get => GetFixedTimestamp(0); init => SetFixedTimestamp(0, value); }

    /// <summary>Institution id (AO, required).</summary>
    public string InstitutionId { get => GetRequiredText(FieldId.InstitutionId); init => SetText(FieldId.InstitutionId, value); }

    /// <summary>Item identifier (AB, required).</summary>
    public string ItemIdentifier { get => GetRequiredText(FieldId.ItemIdentifier); init => SetText(FieldId.ItemIdentifier, value); }

    /// <summary>Terminal password (AC, optional).</summary>
    public string? TerminalPassword { get => GetText(FieldId.TerminalPassword); init => SetText(FieldId.TerminalPassword, value); }

    /// <summary>Item properties (CH, required).</summary>
    public string ItemProperties { get => GetRequiredText(FieldId.ItemProperties); init => SetText(FieldId.ItemProperties, value); }
}
