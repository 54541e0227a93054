using System.Collections.Generic;

namespace Sip2.Net.Messages;

/// <summary>Hold Response (16).</summary>
/// <remarks>Wire layout: <c>16</c> + ok (1) + available (1) + transaction date (18) + variable fields.</remarks>
public sealed record HoldResponse() : Sip2Message(Sip2Command.HoldResponse)
{
    /// <summary>Ok (fixed, 1 character).</summary>
    public bool Ok { get => GetFixedOneZero(0); init => SetFixedOneZero(0, value); }

    /// <summary>Available (fixed, 1 character).</summary>
    public bool Available { get => GetFixedYesNo(1); init => SetFixedYesNo(1, value); }

    /// <summary>Transaction date (fixed, 18 characters).</summary>
    public Sip2Timestamp? TransactionDate { get => GetFixedTimestamp(2); init => SetFixedTimestamp(2, value); }

    /// <summary>Expiration date (BW, optional).</summary>
    public Sip2Timestamp? ExpirationDate { get => GetTimestamp(FieldId.ExpirationDate); init => SetTimestamp(FieldId.ExpirationDate, value); }

    /// <summary>Queue position (BR, optional).</summary>
    public int? QueuePosition { get => GetNumber(FieldId.QueuePosition); init => SetNumber(FieldId.QueuePosition, value); }

    /// <summary>Pickup location (BS, optional).</summary>
    public string? PickupLocation { get => GetText(FieldId.PickupLocation); init => SetText(FieldId.PickupLocation, value); }

    /// <summary>Institution id (AO, required).</summary>
    public string InstitutionId { get => GetRequiredText(FieldId.InstitutionId); init => SetText(FieldId.InstitutionId, value); }

    /// <summary>Patron identifier (AA, required).</summary>
    public string PatronIdentifier { get => GetRequiredText(FieldId.PatronIdentifier); init => SetText(FieldId.PatronIdentifier, value); }

    /// <summary>Item identifier (AB, optional).</summary>
    public string? ItemIdentifier { get => GetText(FieldId.ItemIdentifier); init => SetText(FieldId.ItemIdentifier, value); }

    /// <summary>Title identifier (AJ, optional).</summary>
    public string? TitleIdentifier { get => GetText(FieldId.TitleIdentifier); init => SetText(FieldId.TitleIdentifier, value); }

    /// <summary>Screen message (AF, optional, repeatable).</summary>
    public IReadOnlyList<string> ScreenMessages { get => GetTexts(FieldId.ScreenMessage); init => SetTexts(FieldId.ScreenMessage, value); }

    /// <summary>Print line (AG, optional, repeatable).</summary>
    public IReadOnlyList<string> PrintLines { get => GetTexts(FieldId.PrintLine); init => SetTexts(FieldId.PrintLine, value); }
}
