using System.Collections.Generic;

namespace Sip2.Net.Messages;

/// <summary>Renew All Response (66).</summary>
/// <remarks>Wire layout: <c>66</c> + ok (1) + renewed count (4) + unrenewed count (4) + transaction date (18) + variable fields.</remarks>
public sealed record RenewAllResponse() : Sip2Message(Sip2Command.RenewAllResponse)
{
    /// <summary>Ok (fixed, 1 character).</summary>
    public bool Ok { get => GetFixedOneZero(0); init => SetFixedOneZero(0, value); }

    /// <summary>Renewed count (fixed, 4 characters).</summary>
    public int? RenewedCount { get => GetFixedNumber(1); init => SetFixedNumber(1, value); }

    /// <summary>Unrenewed count (fixed, 4 characters).</summary>
    public int? UnrenewedCount { get => GetFixedNumber(2); init => SetFixedNumber(2, value); }

    /// <summary>Transaction date (fixed, 18 characters).</summary>
    public Sip2Timestamp? TransactionDate { get => GetFixedTimestamp(3); init => SetFixedTimestamp(3, value); }

    /// <summary>Institution id (AO, required).</summary>
    public string InstitutionId { get => GetRequiredText(FieldId.InstitutionId); init => SetText(FieldId.InstitutionId, value); }

    /// <summary>Renewed items (BM, optional, repeatable).</summary>
    public IReadOnlyList<string> RenewedItems { get => GetTexts(FieldId.RenewedItems); init => SetTexts(FieldId.RenewedItems, value); }

    /// <summary>Unrenewed items (BN, optional, repeatable).</summary>
    public IReadOnlyList<string> UnrenewedItems { get => GetTexts(FieldId.UnrenewedItems); init => SetTexts(FieldId.UnrenewedItems, value); }

    /// <summary>Screen message (AF, optional, repeatable).</summary>
    public IReadOnlyList<string> ScreenMessages { get => GetTexts(FieldId.ScreenMessage); init => SetTexts(FieldId.ScreenMessage, value); }

    /// <summary>Print line (AG, optional, repeatable).</summary>
    public IReadOnlyList<string> PrintLines { get => GetTexts(FieldId.PrintLine); init => SetTexts(FieldId.PrintLine, value); }
}
