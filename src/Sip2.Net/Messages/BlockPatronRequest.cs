namespace Sip2.Net.Messages;

/// <summary>Block Patron (01): answered by a Patron Status Response (24).</summary>
/// <remarks>Wire layout: <c>01</c> + card retained (1) + transaction date (18) + variable fields.</remarks>
public sealed record BlockPatronRequest() : Sip2Request<PatronStatusResponse>(Sip2Command.BlockPatron)
{
    /// <summary>Card retained (fixed, 1 character).</summary>
    public bool CardRetained { get => GetFixedYesNo(0); init => SetFixedYesNo(0, value); }

    /// <summary>Transaction date (fixed, 18 characters).</summary>
    public Sip2Timestamp? TransactionDate { get => GetFixedTimestamp(1); init => SetFixedTimestamp(1, value); }

    /// <summary>Institution id (AO, required).</summary>
    public string InstitutionId { get => GetRequiredText(FieldId.InstitutionId); init => SetText(FieldId.InstitutionId, value); }

    /// <summary>Blocked card msg (AL, required).</summary>
    public string BlockedCardMessage { get => GetRequiredText(FieldId.BlockedCardMessage); init => SetText(FieldId.BlockedCardMessage, value); }

    /// <summary>Patron identifier (AA, required).</summary>
    public string PatronIdentifier { get => GetRequiredText(FieldId.PatronIdentifier); init => SetText(FieldId.PatronIdentifier, value); }

    /// <summary>Terminal password (AC, required).</summary>
    public string TerminalPassword { get => GetRequiredText(FieldId.TerminalPassword); init => SetText(FieldId.TerminalPassword, value); }
}
