using System.Collections.Generic;

namespace Sip2.Net.Messages;

/// <summary>Item Information Response (18), with the 3M extensions.</summary>
/// <remarks>Wire layout: <c>18</c> + circulation status (2) + security marker (2) + fee type (2) + transaction date (18) + variable fields.</remarks>
public sealed record ItemInformationResponse() : Sip2Message(Sip2Command.ItemInformationResponse)
{
    /// <summary>Circulation status (fixed, 2 characters).</summary>
    public CirculationStatus? CirculationStatus { get => (CirculationStatus?)GetFixedNumber(0); init => SetFixedNumber(0, (int?)value); }

    /// <summary>Security marker (fixed, 2 characters).</summary>
    public SecurityMarker? SecurityMarker { get => (SecurityMarker?)GetFixedNumber(1); init => SetFixedNumber(1, (int?)value); }

    /// <summary>Fee type (fixed, 2 characters).</summary>
    public FeeType? FeeType { get => (FeeType?)GetFixedNumber(2); init => SetFixedNumber(2, (int?)value); }

    /// <summary>Transaction date (fixed, 18 characters).</summary>
    public Sip2Timestamp? TransactionDate { get => GetFixedTimestamp(3); init => SetFixedTimestamp(3, value); }

    /// <summary>Hold queue length (CF, optional).</summary>
    public int? HoldQueueLength { get => GetNumber(FieldId.HoldQueueLength); init => SetNumber(FieldId.HoldQueueLength, value); }

    /// <summary>Due date (AH, optional).</summary>
    public string? DueDate { get => GetText(FieldId.DueDate); init => SetText(FieldId.DueDate, value); }

    /// <summary>Recall date (CJ, optional).</summary>
    public Sip2Timestamp? RecallDate { get => GetTimestamp(FieldId.RecallDate); init => SetTimestamp(FieldId.RecallDate, value); }

    /// <summary>Hold pickup date (CM, optional).</summary>
    public Sip2Timestamp? HoldPickupDate { get => GetTimestamp(FieldId.HoldPickupDate); init => SetTimestamp(FieldId.HoldPickupDate, value); }

    /// <summary>Item identifier (AB, required).</summary>
    public string ItemIdentifier { get => GetRequiredText(FieldId.ItemIdentifier); init => SetText(FieldId.ItemIdentifier, value); }

    /// <summary>Title identifier (AJ, required).</summary>
    public string TitleIdentifier { get => GetRequiredText(FieldId.TitleIdentifier); init => SetText(FieldId.TitleIdentifier, value); }

    /// <summary>Owner (BG, optional).</summary>
    public string? Owner { get => GetText(FieldId.Owner); init => SetText(FieldId.Owner, value); }

    /// <summary>Currency type (BH, optional).</summary>
    public string? CurrencyType { get => GetText(FieldId.CurrencyType); init => SetText(FieldId.CurrencyType, value); }

    /// <summary>Fee amount (BV, optional).</summary>
    public Sip2Amount? FeeAmount { get => GetAmount(FieldId.FeeAmount); init => SetAmount(FieldId.FeeAmount, value); }

    /// <summary>Media type (CK, optional).</summary>
    public MediaType? MediaType { get => (MediaType?)GetNumber(FieldId.MediaType); init => SetNumber(FieldId.MediaType, (int?)value); }

    /// <summary>Permanent location (AQ, optional).</summary>
    public string? PermanentLocation { get => GetText(FieldId.PermanentLocation); init => SetText(FieldId.PermanentLocation, value); }

    /// <summary>Current location (AP, optional).</summary>
    public string? CurrentLocation { get => GetText(FieldId.CurrentLocation); init => SetText(FieldId.CurrentLocation, value); }

    /// <summary>Item properties (CH, optional).</summary>
    public string? ItemProperties { get => GetText(FieldId.ItemProperties); init => SetText(FieldId.ItemProperties, value); }

    /// <summary>Screen message (AF, optional, repeatable).</summary>
    public IReadOnlyList<string> ScreenMessages { get => GetTexts(FieldId.ScreenMessage); init => SetTexts(FieldId.ScreenMessage, value); }

    /// <summary>Print line (AG, optional, repeatable).</summary>
    public IReadOnlyList<string> PrintLines { get => GetTexts(FieldId.PrintLine); init => SetTexts(FieldId.PrintLine, value); }

    /// <summary>Destination location (CT, optional, extension).</summary>
    public string? DestinationLocation { get => GetText(FieldId.DestinationLocation); init => SetText(FieldId.DestinationLocation, value); }

    /// <summary>Call number (CS, optional, extension).</summary>
    public string? CallNumber { get => GetText(FieldId.CallNumber); init => SetText(FieldId.CallNumber, value); }

    /// <summary>Hold patron id (CY, optional, extension).</summary>
    public string? HoldPatronId { get => GetText(FieldId.HoldPatronId); init => SetText(FieldId.HoldPatronId, value); }

    /// <summary>Hold patron name (DA, optional, extension).</summary>
    public string? HoldPatronName { get => GetText(FieldId.HoldPatronName); init => SetText(FieldId.HoldPatronName, value); }
}
