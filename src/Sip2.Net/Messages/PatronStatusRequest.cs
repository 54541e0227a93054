namespace Sip2.Net.Messages;

/// <summary>Patron Status Request (23).</summary>
/// <remarks>Wire layout: <c>23</c> + language (3) + transaction date (18) + variable fields.</remarks>
public sealed record PatronStatusRequest() : Sip2Request<PatronStatusResponse>(Sip2Command.PatronStatusRequest)
{
    /// <summary>Language (fixed, 3 characters).</summary>
    public Sip2Language? Language { get => (Sip2Language?)GetFixedNumber(0); init => SetFixedNumber(0, (int?)value); }

    /// <summary>Transaction date (fixed, 18 characters).</summary>
    public Sip2Timestamp? TransactionDate { get => GetFixedTimestamp(1); init => SetFixedTimestamp(1, value); }

    /// <summary>Institution id (AO, required).</summary>
    public string InstitutionId { get => GetRequiredText(FieldId.InstitutionId); init => SetText(FieldId.InstitutionId, value); }

    /// <summary>Patron identifier (AA, required).</summary>
    public string PatronIdentifier { get => GetRequiredText(FieldId.PatronIdentifier); init => SetText(FieldId.PatronIdentifier, value); }

    /// <summary>Terminal password (AC, required).</summary>
    public string TerminalPassword { get => GetRequiredText(FieldId.TerminalPassword); init => SetText(FieldId.TerminalPassword, value); }

    /// <summary>Patron password (AD, required).</summary>
    public string PatronPassword { get => GetRequiredText(FieldId.PatronPassword); init => SetText(FieldId.PatronPassword, value); }
}
