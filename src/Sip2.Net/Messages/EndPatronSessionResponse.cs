using System.Collections.Generic;

namespace Sip2.Net.Messages;

/// <summary>End Session Response (36).</summary>
/// <remarks>Wire layout: <c>36</c> + end session (1) + transaction date (18) + variable fields.</remarks>
public sealed record EndPatronSessionResponse() : Sip2Message(Sip2Command.EndPatronSessionResponse)
{
    /// <summary>End session (fixed, 1 character).</summary>
    public bool EndSession { get => GetFixedYesNo(0); init => SetFixedYesNo(0, value); }

    /// <summary>Transaction date (fixed, 18 characters).</summary>
    public Sip2Timestamp? TransactionDate { get => GetFixedTimestamp(1); init => SetFixedTimestamp(1, value); }

    /// <summary>Institution id (AO, required).</summary>
    public string InstitutionId { get => GetRequiredText(FieldId.InstitutionId); init => SetText(FieldId.InstitutionId, value); }

    /// <summary>Patron identifier (AA, required).</summary>
    public string PatronIdentifier { get => GetRequiredText(FieldId.PatronIdentifier); init => SetText(FieldId.PatronIdentifier, value); }

    /// <summary>Screen message (AF, optional, repeatable).</summary>
    public IReadOnlyList<string> ScreenMessages { get => GetTexts(FieldId.ScreenMessage); init => SetTexts(FieldId.ScreenMessage, value); }

    /// <summary>Print line (AG, optional, repeatable).</summary>
    public IReadOnlyList<string> PrintLines { get => GetTexts(FieldId.PrintLine); init => SetTexts(FieldId.PrintLine, value); }
}
