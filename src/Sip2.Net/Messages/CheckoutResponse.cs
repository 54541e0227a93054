using System.Collections.Generic;

namespace Sip2.Net.Messages;

/// <summary>Checkout Response (12).</summary>
/// <remarks>Wire layout: <c>12</c> + ok (1) + renewal ok (1) + magnetic media (1) + desensitize (1) + transaction date (18) + variable fields.</remarks>
public sealed record CheckoutResponse() : Sip2Message(Sip2Command.CheckoutResponse)
{
    /// <summary>Ok (fixed, 1 character).</summary>
    public bool Ok { get => GetFixedOneZero(0); init => SetFixedOneZero(0, value); }

    /// <summary>Renewal ok (fixed, 1 character): true when the item was already on loan to this patron.</summary>
    public bool RenewalOk { get => GetFixedYesNo(1); init => SetFixedYesNo(1, value); }

    /// <summary>Magnetic media (fixed, 1 character).</summary>
    public bool? MagneticMedia { get => GetFixedYesNoUnknown(2); init => SetFixedYesNoUnknown(2, value); }

    /// <summary>Desensitize (fixed, 1 character).</summary>
    public bool? Desensitize { get => GetFixedYesNoUnknown(3); init => SetFixedYesNoUnknown(3, value); }

    /// <summary>Transaction date (fixed, 18 characters).</summary>
    public Sip2Timestamp? TransactionDate { get => GetFixedTimestamp(4); init => SetFixedTimestamp(4, value); }

    /// <summary>Institution id (AO, required).</summary>
    public string InstitutionId { get => GetRequiredText(FieldId.InstitutionId); init => SetText(FieldId.InstitutionId, value); }

    /// <summary>Patron identifier (AA, required).</summary>
    public string PatronIdentifier { get => GetRequiredText(FieldId.PatronIdentifier); init => SetText(FieldId.PatronIdentifier, value); }

    /// <summary>Item identifier (AB, required).</summary>
    public string ItemIdentifier { get => GetRequiredText(FieldId.ItemIdentifier); init => SetText(FieldId.ItemIdentifier, value); }

    /// <summary>Title identifier (AJ, required).</summary>
    public string TitleIdentifier { get => GetRequiredText(FieldId.TitleIdentifier); init => SetText(FieldId.TitleIdentifier, value); }

    /// <summary>Due date (AH, required).</summary>
    public string DueDate { get => GetRequiredText(FieldId.DueDate); init => SetText(FieldId.DueDate, value); }

    /// <summary>Fee type (BT, optional).</summary>
    public FeeType? FeeType { get => (FeeType?)GetNumber(FieldId.FeeType); init => SetNumber(FieldId.FeeType, (int?)value); }

    /// <summary>Security inhibit (CI, optional).</summary>
    public bool? SecurityInhibit { get => GetFlag(FieldId.SecurityInhibit); init => SetFlag(FieldId.SecurityInhibit, value); }

    /// <summary>Currency type (BH, optional).</summary>
    public string? CurrencyType { get => GetText(FieldId.CurrencyType); init => SetText(FieldId.CurrencyType, value); }

    /// <summary>Fee amount (BV, optional).</summary>
    public Sip2Amount? FeeAmount { get => GetAmount(FieldId.FeeAmount); init => SetAmount(FieldId.FeeAmount, value); }

    /// <summary>Media type (CK, optional).</summary>
    public MediaType? MediaType { get => (MediaType?)GetNumber(FieldId.MediaType); init => SetNumber(FieldId.MediaType, (int?)value); }

    /// <summary>Item properties (CH, optional).</summary>
    public string? ItemProperties { get => GetText(FieldId.ItemProperties); init => SetText(FieldId.ItemProperties, value); }

    /// <summary>Transaction id (BK, optional).</summary>
    public string? TransactionId { get => GetText(FieldId.TransactionId); init => SetText(FieldId.TransactionId, value); }

    /// <summary>Screen message (AF, optional, repeatable).</summary>
    public IReadOnlyList<string> ScreenMessages { get => GetTexts(FieldId.ScreenMessage); init => SetTexts(FieldId.ScreenMessage, value); }

    /// <summary>Print line (AG, optional, repeatable).</summary>
    public IReadOnlyList<string> PrintLines { get => GetTexts(FieldId.PrintLine); init => SetTexts(FieldId.PrintLine, value); }

    /// <summary>Valid patron (BL, optional).</summary>
    public bool? ValidPatron { get => GetFlag(FieldId.ValidPatron); init => SetFlag(FieldId.ValidPatron, value); }

    /// <summary>Valid patron password (CQ, optional).</summary>
    public bool? ValidPatronPassword { get => GetFlag(FieldId.ValidPatronPassword); init => SetFlag(FieldId.ValidPatronPassword, value); }
}
