using System.Collections.Generic;

namespace Sip2.Net.Messages;

/// <summary>Fee Paid Response (38).</summary>
/// <remarks>Wire layout: <c>38</c> + payment accepted (1) + transaction date (18) + variable fields.</remarks>
public sealed record FeePaidResponse() : Sip2Message(Sip2Command.FeePaidResponse)
{
    /// <summary>Payment accepted (fixed, 1 character).</summary>
    public bool PaymentAccepted { get => GetFixedYesNo(0); init => SetFixedYesNo(0, value); }

    /// <summary>Transaction date (fixed, 18 characters).</summary>
    public Sip2Timestamp? TransactionDate { get => GetFixedTimestamp(1); init => SetFixedTimestamp(1, value); }

    /// <summary>Institution id (AO, required).</summary>
    public string InstitutionId { get => GetRequiredText(FieldId.InstitutionId); init => SetText(FieldId.InstitutionId, value); }

    /// <summary>Patron identifier (AA, required).</summary>
    public string PatronIdentifier { get => GetRequiredText(FieldId.PatronIdentifier); init => SetText(FieldId.PatronIdentifier, value); }

    /// <summary>Transaction id (BK, optional).</summary>
    public string? TransactionId { get => GetText(FieldId.TransactionId); init => SetText(FieldId.TransactionId, value); }

    /// <summary>Screen message (AF, optional, repeatable).</summary>
    public IReadOnlyList<string> ScreenMessages { get => GetTexts(FieldId.ScreenMessage); init => SetTexts(FieldId.ScreenMessage, value); }

    /// <summary>Print line (AG, optional, repeatable).</summary>
    public IReadOnlyList<string> PrintLines { get => GetTexts(FieldId.PrintLine); init => SetTexts(FieldId.PrintLine, value); }
}
