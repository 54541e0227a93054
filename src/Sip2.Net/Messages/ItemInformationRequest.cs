namespace Sip2.Net.Messages;

/// <summary>Item Information (17).</summary>
/// <remarks>Wire layout: <c>17</c> + transaction date (18) + variable fields.</remarks>
public sealed record ItemInformationRequest() : Sip2Request<ItemInformationResponse>(Sip2Command.ItemInformation)
{
    /// <summary>Transaction date (fixed, 18 characters).</summary>
    public Sip2Timestamp? TransactionDate { get => GetFixedTimestamp(0); init => SetFixedTimestamp(0, value); }

    /// <summary>Institution id (AO, required).</summary>
    public string InstitutionId { get => GetRequiredText(FieldId.InstitutionId); init => SetText(FieldId.InstitutionId, value); }

    /// <summary>Item identifier (AB, required).</summary>
    public string ItemIdentifier { get => GetRequiredText(FieldId.ItemIdentifier); init => SetText(FieldId.ItemIdentifier, value); }

    /// <summary>Terminal password (AC, optional).</summary>
    public string? TerminalPassword { get => GetText(FieldId.TerminalPassword); init => SetText(FieldId.TerminalPassword, value); }
}
