namespace Sip2.Net.Messages;

/// <summary>Renew All (65).</summary>
/// <remarks>Wire layout: <c>65</c> + transaction date (18) + variable fields.</remarks>
public sealed record RenewAllRequest() : Sip2Request<RenewAllResponse>(Sip2Command.RenewAll)
{
    /// <summary>Transaction date (fixed, 18 characters).</summary>
    public Sip2Timestamp? TransactionDate { get => GetFixedTimestamp(0); init => SetFixedTimestamp(0, value); }

    /// <summary>Institution id (AO, required).</summary>
    public string InstitutionId { get => GetRequiredText(FieldId.InstitutionId); init => SetText(FieldId.InstitutionId, value); }

    /// <summary>Patron identifier (AA, required).</summary>
    public string PatronIdentifier { get => GetRequiredText(FieldId.PatronIdentifier); init => SetText(FieldId.PatronIdentifier, value); }

    /// <summary>Patron password (AD, optional).</summary>
    public string? PatronPassword { get => GetText(FieldId.PatronPassword); init => SetText(FieldId.PatronPassword, value); }

    /// <summary>Terminal password (AC, optional).</summary>
    public string? TerminalPassword { get => GetText(FieldId.TerminalPassword); init => SetText(FieldId.TerminalPassword, value); }

    /// <summary>Fee acknowledged (BO, optional).</summary>
    public bool? FeeAcknowledged { get => GetFlag(FieldId.FeeAcknowledged); init => SetFlag(FieldId.FeeAcknowledged, value); }
}
