namespace Sip2.Net.Messages;

/// <summary>Hold (15): add, delete or change a hold.</summary>
/// <remarks>Wire layout: <c>15</c> + hold mode (1) + transaction date (18) + variable fields.</remarks>
public sealed record HoldRequest() : Sip2Request<HoldResponse>(Sip2Command.Hold)
{
    /// <summary>Hold mode (fixed, 1 character).</summary>
    public HoldMode HoldMode { get => (HoldMode)GetFixedCharacter(0); init => SetFixedCharacter(0, (char)value); }

    /// <summary>Transaction date (fixed, 18 characters).</summary>
    public Sip2Timestamp? TransactionDate { get => GetFixedTimestamp(1); init => SetFixedTimestamp(1, value); }

    /// <summary>Expiration date (BW, optional).</summary>
    public Sip2Timestamp? ExpirationDate { get => GetTimestamp(FieldId.ExpirationDate); init => SetTimestamp(FieldId.ExpirationDate, value); }

    /// <summary>Pickup location (BS, optional).</summary>
    public string? PickupLocation { get => GetText(FieldId.PickupLocation); init => SetText(FieldId.PickupLocation, value); }

    /// <summary>Hold type (BY, optional).</summary>
    public HoldType? HoldType { get => (HoldType?)GetNumber(FieldId.HoldType); init => SetNumber(FieldId.HoldType, (int?)value); }

    /// <summary>Institution id (AO, required).</summary>
    public string InstitutionId { get => GetRequiredText(FieldId.InstitutionId); init => SetText(FieldId.InstitutionId, value); }

    /// <summary>Patron identifier (AA, required).</summary>
    public string PatronIdentifier { get => GetRequiredText(FieldId.PatronIdentifier); init => SetText(FieldId.PatronIdentifier, value); }

    /// <summary>Patron password (AD, optional).</summary>
    public string? PatronPassword { get => GetText(FieldId.PatronPassword); init => SetText(FieldId.PatronPassword, value); }

    /// <summary>Item identifier (AB, optional).</summary>
    public string? ItemIdentifier { get => GetText(FieldId.ItemIdentifier); init => SetText(FieldId.ItemIdentifier, value); }

    /// <summary>Title identifier (AJ, optional).</summary>
    public string? TitleIdentifier { get => GetText(FieldId.TitleIdentifier); init => SetText(FieldId.TitleIdentifier, value); }

    /// <summary>Terminal password (AC, optional).</summary>
    public string? TerminalPassword { get => GetText(FieldId.TerminalPassword); init => SetText(FieldId.TerminalPassword, value); }

    /// <summary>Fee acknowledged (BO, optional).</summary>
    public bool? FeeAcknowledged { get => GetFlag(FieldId.FeeAcknowledged); init => SetFlag(FieldId.FeeAcknowledged, value); }

    /// <summary>Bib id (MA, optional, extension).</summary>
    public string? BibId { get => GetText(FieldId.BibId); init => SetText(FieldId.BibId, value); }

    /// <summary>ISBN (MB, optional, extension).</summary>
    public string? Isbn { get => GetText(FieldId.Isbn); init => SetText(FieldId.Isbn, value); }

    /// <summary>LCCN (MC, optional, extension).</summary>
    public string? Lccn { get => GetText(FieldId.Lccn); init => SetText(FieldId.Lccn, value); }
}
