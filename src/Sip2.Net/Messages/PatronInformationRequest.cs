namespace Sip2.Net.Messages;

/// <summary>Patron Information (63).</summary>
/// <remarks>Wire layout: <c>63</c> + language (3) + transaction date (18) + summary (10) + variable fields.</remarks>
public sealed record PatronInformationRequest() : Sip2Request<PatronInformationResponse>(Sip2Command.PatronInformation)
{
    /// <summary>Language (fixed, 3 characters).</summary>
    public Sip2Language? Language { get => (Sip2Language?)GetFixedNumber(0); init => SetFixedNumber(0, (int?)value); }

    /// <summary>Transaction date (fixed, 18 characters).</summary>
    public Sip2Timestamp? TransactionDate { get => GetFixedTimestamp(1); init => SetFixedTimestamp(1, value); }

    /// <summary>Summary (fixed, 10 characters).</summary>
    public PatronSummary Summary { get => (PatronSummary)GetFixedPositions(2); init => SetFixedPositions(2, (int)value); }

    /// <summary>Institution id (AO, required).</summary>
    public string InstitutionId { get => GetRequiredText(FieldId.InstitutionId); init => SetText(FieldId.InstitutionId, value); }

    /// <summary>Patron identifier (AA, required).</summary>
    public string PatronIdentifier { get => GetRequiredText(FieldId.PatronIdentifier); init => SetText(FieldId.PatronIdentifier, value); }

    /// <summary>Terminal password (AC, optional).</summary>
    public string? TerminalPassword { get => GetText(FieldId.TerminalPassword); init => SetText(FieldId.TerminalPassword, value); }

    /// <summary>Patron password (AD, optional).</summary>
    public string? PatronPassword { get => GetText(FieldId.PatronPassword); init => SetText(FieldId.PatronPassword, value); }

    /// <summary>Start item (BP, optional).</summary>
    public int? StartItem { get => GetNumber(FieldId.StartItem); init => SetNumber(FieldId.StartItem, value); }

    /// <summary>End item (BQ, optional).</summary>
    public int? EndItem { get => GetNumber(FieldId.EndItem); init => SetNumber(FieldId.EndItem, value); }
}
