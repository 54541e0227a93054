namespace Sip2.Net.Messages;

/// <summary>Renew (29).</summary>
/// <remarks>Wire layout: <c>29</c> + third party allowed (1) + no block (1) + transaction date (18) + nb due date (18) + variable fields.</remarks>
public sealed record RenewRequest() : Sip2Request<RenewResponse>(Sip2Command.Renew)
{
    /// <summary>Third party allowed (fixed, 1 character).</summary>
    public bool ThirdPartyAllowed { get => GetFixedYesNo(0); init => SetFixedYesNo(0, value); }

    /// <summary>No block (fixed, 1 character).</summary>
    public bool NoBlock { get => GetFixedYesNo(1); init => SetFixedYesNo(1, value); }

    /// <summary>Transaction date (fixed, 18 characters).</summary>
    public Sip2Timestamp? TransactionDate { get => GetFixedTimestamp(2); init => SetFixedTimestamp(2, value); }

    /// <summary>Nb due date (fixed, 18 characters).</summary>
    public Sip2Timestamp? NbDueDate { get => GetFixedTimestamp(3); init => SetFixedTimestamp(3, value); }

    /// <summary>Institution id (AO, required).</summary>
    public string InstitutionId { get => GetRequiredText(FieldId.InstitutionId); init => SetText(FieldId.InstitutionId, value); }

    /// <summary>Patron identifier (AA, required).</summary>
    public string PatronIdentifier { get => GetRequiredText(FieldId.PatronIdentifier); init => SetText(FieldId.PatronIdentifier, value); }

    /// <summary>Patron password (AD, optional).</summary>
    public string? PatronPassword { get => GetText(FieldId.PatronPassword); init => SetText(FieldId.PatronPassword, value); }

    /// <summary>Item identifier (AB, optional).</summary>
    public string? ItemIdentifier { get => GetText(FieldId.ItemIdentifier); init => SetText(FieldId.ItemIdentifier, value); }

    /// <summary>Title identifier (AJ, optional).</summary>
    public string? TitleIdentifier { get => GetText(FieldId.TitleIdentifier); init => SetText(FieldId.TitleIdentifier, value); }

    /// <summary>Terminal password (AC, optional).</summary>
    public string? TerminalPassword { get => GetText(FieldId.TerminalPassword); init => SetText(FieldId.TerminalPassword, value); }

    /// <summary>Item properties (CH, optional).</summary>
    public string? ItemProperties { get => GetText(FieldId.ItemProperties); init => SetText(FieldId.ItemProperties, value); }

    /// <summary>Fee acknowledged (BO, optional).</summary>
    public bool? FeeAcknowledged { get => GetFlag(FieldId.FeeAcknowledged); init => SetFlag(FieldId.FeeAcknowledged, value); }
}
