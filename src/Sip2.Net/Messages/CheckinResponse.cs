using System.Collections.Generic;

namespace Sip2.Net.Messages;

/// <summary>Checkin Response (10), with the 3M sorter extensions.</summary>
/// <remarks>Wire layout: <c>10</c> + ok (1) + resensitize (1) + magnetic media (1) + alert (1) + transaction date (18) + variable fields.</remarks>
public sealed record CheckinResponse() : Sip2Message(Sip2Command.CheckinResponse)
{
    /// <summary>Ok (fixed, 1 character).</summary>
    public bool Ok { get => GetFixedOneZero(0); init => SetFixedOneZero(0, value); }

    /// <summary>Resensitize (fixed, 1 character).</summary>
    public bool Resensitize { get => GetFixedYesNo(1); init => SetFixedYesNo(1, value); }

    /// <summary>Magnetic media (fixed, 1 character).</summary>
    public bool? MagneticMedia { get => GetFixedYesNoUnknown(2); init => SetFixedYesNoUnknown(2, value); }

    /// <summary>Alert (fixed, 1 character): true when the SC should alert staff or divert the item.</summary>
    public bool Alert { get => GetFixedYesNo(3); init => SetFixedYesNo(3, value); }

    /// <summary>Transaction date (fixed, 18 characters).</summary>
    public Sip2Timestamp? TransactionDate { get => GetFixedTimestamp(4); init => SetFixedTimestamp(4, value); }

    /// <summary>Institution id (AO, required).</summary>
    public string InstitutionId { get => GetRequiredText(FieldId.InstitutionId); init => SetText(FieldId.InstitutionId, value); }

    /// <summary>Item identifier (AB, required).</summary>
    public string ItemIdentifier { get => GetRequiredText(FieldId.ItemIdentifier); init => SetText(FieldId.ItemIdentifier, value); }

    /// <summary>Permanent location (AQ, required).</summary>
    public string PermanentLocation { get => GetRequiredText(FieldId.PermanentLocation); init => SetText(FieldId.PermanentLocation, value); }

    /// <summary>Title identifier (AJ, optional).</summary>
    public string? TitleIdentifier { get => GetText(FieldId.TitleIdentifier); init => SetText(FieldId.TitleIdentifier, value); }

    /// <summary>Sort bin (CL, optional).</summary>
    public string? SortBin { get => GetText(FieldId.SortBin); init => SetText(FieldId.SortBin, value); }

    /// <summary>Patron identifier (AA, optional).</summary>
    public string? PatronIdentifier { get => GetText(FieldId.PatronIdentifier); init => SetText(FieldId.PatronIdentifier, value); }

    /// <summary>Media type (CK, optional).</summary>
    public MediaType? MediaType { get => (MediaType?)GetNumber(FieldId.MediaType); init => SetNumber(FieldId.MediaType, (int?)value); }

    /// <summary>Item properties (CH, optional).</summary>
    public string? ItemProperties { get => GetText(FieldId.ItemProperties); init => SetText(FieldId.ItemProperties, value); }

    /// <summary>Screen message (AF, optional, repeatable).</summary>
    public IReadOnlyList<string> ScreenMessages { get => GetTexts(FieldId.ScreenMessage); init => SetTexts(FieldId.ScreenMessage, value); }

    /// <summary>Print line (AG, optional, repeatable).</summary>
    public IReadOnlyList<string> PrintLines { get => GetTexts(FieldId.PrintLine); init => SetTexts(FieldId.PrintLine, value); }

    /// <summary>Collection code (CR, optional, extension).</summary>
    public string? CollectionCode { get => GetText(FieldId.CollectionCode); init => SetText(FieldId.CollectionCode, value); }

    /// <summary>Call number (CS, optional, extension).</summary>
    public string? CallNumber { get => GetText(FieldId.CallNumber); init => SetText(FieldId.CallNumber, value); }

    /// <summary>Destination location (CT, optional, extension).</summary>
    public string? DestinationLocation { get => GetText(FieldId.DestinationLocation); init => SetText(FieldId.DestinationLocation, value); }

    /// <summary>Alert type (CV, optional, extension).</summary>
    public AlertType? AlertType { get => (AlertType?)GetNumber(FieldId.AlertType); init => SetNumber(FieldId.AlertType, (int?)value); }

    /// <summary>Hold patron id (CY, optional, extension).</summary>
    public string? HoldPatronId { get => GetText(FieldId.HoldPatronId); init => SetText(FieldId.HoldPatronId, value); }

    /// <summary>Hold patron name (DA, optional, extension).</summary>
    public string? HoldPatronName { get => GetText(FieldId.HoldPatronName); init => SetText(FieldId.HoldPatronName, value); }

    /// <summary>Hold patron phone (BF, optional, extension).</summary>
    public string? HoldPatronPhone { get => GetText(FieldId.HomePhoneNumber); init => SetText(FieldId.HomePhoneNumber, value); }
}
