using System.Collections.Generic;

namespace Sip2.Net.Messages;

/// <summary>Item Status Update Response (20).</summary>
/// <remarks>Wire layout: <c>20</c> + item properties ok (1) + transaction date (18) + variable fields.</remarks>
public sealed record ItemStatusUpdateResponse() : Sip2Message(Sip2Command.ItemStatusUpdateResponse)
{
    /// <summary>Item properties ok (fixed, 1 character).</summary>
    public bool ItemPropertiesOk { get => GetFixedOneZero(0); init => SetFixedOneZero(0, value); }

    /// <summary>Transaction date (fixed, 18 characters).</summary>
    public Sip2Timestamp? TransactionDate { get => GetFixedTimestamp(1); init => SetFixedTimestamp(1, value); }

    /// <summary>Item identifier (AB, required).</summary>
    public string ItemIdentifier { get => GetRequiredText(FieldId.ItemIdentifier); init => SetText(FieldId.ItemIdentifier, value); }

    /// <summary>Title identifier (AJ, optional).</summary>
    public string? TitleIdentifier { get => GetText(FieldId.TitleIdentifier); init => SetText(FieldId.TitleIdentifier, value); }

    /// <summary>Item properties (CH, optional).</summary>
    public string? ItemProperties { get => GetText(FieldId.ItemProperties); init => SetText(FieldId.ItemProperties, value); }

    /// <summary>Screen message (AF, optional, repeatable).</summary>
    public IReadOnlyList<string> ScreenMessages { get => GetTexts(FieldId.ScreenMessage); init => SetTexts(FieldId.ScreenMessage, value); }

    /// <summary>Print line (AG, optional, repeatable).</summary>
    public IReadOnlyList<string> PrintLines { get => GetTexts(FieldId.PrintLine); init => SetTexts(FieldId.PrintLine, value); }
}
