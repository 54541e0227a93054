using System.Collections.Generic;

namespace Sip2.Net.Messages;

/// <summary>Patron Information Response (64), with the Envisionware, Evergreen and FOLIO patron extensions.</summary>
/// <remarks>Wire layout: <c>64</c> + patron status (14) + language (3) + transaction date (18) + hold items count (4) + overdue items count (4) + charged items count (4) + fine items count (4) + recall items count (4) + unavailable holds count (4) + variable fields.</remarks>
public sealed record PatronInformationResponse() : Sip2Message(Sip2Command.PatronInformationResponse)
{
    /// <summary>Patron status (fixed, 14 characters).</summary>
    public PatronStatus PatronStatus { get => (PatronStatus)GetFixedPositions(0); init => SetFixedPositions(0, (int)value); }

    /// <summary>Language (fixed, 3 characters).</summary>
    public Sip2Language? Language { get => (Sip2Language?)GetFixedNumber(1); init => SetFixedNumber(1, (int?)value); }

    /// <summary>Transaction date (fixed, 18 characters).</summary>
    public Sip2Timestamp? TransactionDate { get => GetFixedTimestamp(2); init => SetFixedTimestamp(2, value); }

    /// <summary>Hold items count (fixed, 4 characters).</summary>
    public int? HoldItemsCount { get => GetFixedNumber(3); init => SetFixedNumber(3, value); }

    /// <summary>Overdue items count (fixed, 4 characters).</summary>
    public int? OverdueItemsCount { get => GetFixedNumber(4); init => SetFixedNumber(4, value); }

    /// <summary>Charged items count (fixed, 4 characters).</summary>
    public int? ChargedItemsCount { get => GetFixedNumber(5); init => SetFixedNumber(5, value); }

    /// <summary>Fine items count (fixed, 4 characters).</summary>
    public int? FineItemsCount { get => GetFixedNumber(6); init => SetFixedNumber(6, value); }

    /// <summary>Recall items count (fixed, 4 characters).</summary>
    public int? RecallItemsCount { get => GetFixedNumber(7); init => SetFixedNumber(7, value); }

    /// <summary>Unavailable holds count (fixed, 4 characters).</summary>
    public int? UnavailableHoldsCount { get => GetFixedNumber(8); init => SetFixedNumber(8, value); }

    /// <summary>Institution id (AO, required).</summary>
    public string InstitutionId { get => GetRequiredText(FieldId.InstitutionId); init => SetText(FieldId.InstitutionId, value); }

    /// <summary>Patron identifier (AA, required).</summary>
    public string PatronIdentifier { get => GetRequiredText(FieldId.PatronIdentifier); init => SetText(FieldId.PatronIdentifier, value); }

    /// <summary>Personal name (AE, required).</summary>
    public string PersonalName { get => GetRequiredText(FieldId.PersonalName); init => SetText(FieldId.PersonalName, value); }

    /// <summary>Hold items limit (BZ, optional).</summary>
    public int? HoldItemsLimit { get => GetNumber(FieldId.HoldItemsLimit); init => SetNumber(FieldId.HoldItemsLimit, value); }

    /// <summary>Overdue items limit (CA, optional).</summary>
    public int? OverdueItemsLimit { get => GetNumber(FieldId.OverdueItemsLimit); init => SetNumber(FieldId.OverdueItemsLimit, value); }

    /// <summary>Charged items limit (CB, optional).</summary>
    public int? ChargedItemsLimit { get => GetNumber(FieldId.ChargedItemsLimit); init => SetNumber(FieldId.ChargedItemsLimit, value); }

    /// <summary>Valid patron (BL, optional).</summary>
    public bool? ValidPatron { get => GetFlag(FieldId.ValidPatron); init => SetFlag(FieldId.ValidPatron, value); }

    /// <summary>Valid patron password (CQ, optional).</summary>
    public bool? ValidPatronPassword { get => GetFlag(FieldId.ValidPatronPassword); init => SetFlag(FieldId.ValidPatronPassword, value); }

    /// <summary>Currency type (BH, optional).</summary>
    public string? CurrencyType { get => GetText(FieldId.CurrencyType); init => SetText(FieldId.CurrencyType, value); }

    /// <summary>Fee amount (BV, optional).</summary>
    public Sip2Amount? FeeAmount { get => GetAmount(FieldId.FeeAmount); init => SetAmount(FieldId.FeeAmount, value); }

    /// <summary>Fee limit (CC, optional).</summary>
    public Sip2Amount? FeeLimit { get => GetAmount(FieldId.FeeLimit); init => SetAmount(FieldId.FeeLimit, value); }

    /// <summary>Hold items (AS, optional, repeatable).</summary>
    public IReadOnlyList<string> HoldItems { get => GetTexts(FieldId.HoldItems); init => SetTexts(FieldId.HoldItems, value); }

    /// <summary>Overdue items (AT, optional, repeatable).</summary>
    public IReadOnlyList<string> OverdueItems { get => GetTexts(FieldId.OverdueItems); init => SetTexts(FieldId.OverdueItems, value); }

    /// <summary>Charged items (AU, optional, repeatable).</summary>
    public IReadOnlyList<string> ChargedItems { get => GetTexts(FieldId.ChargedItems); init => SetTexts(FieldId.ChargedItems, value); }

    /// <summary>Fine items (AV, optional, repeatable).</summary>
    public IReadOnlyList<string> FineItems { get => GetTexts(FieldId.FineItems); init => SetTexts(FieldId.FineItems, value); }

    /// <summary>Recall items (BU, optional, repeatable).</summary>
    public IReadOnlyList<string> RecallItems { get => GetTexts(FieldId.RecallItems); init => SetTexts(FieldId.RecallItems, value); }

    /// <summary>Unavailable hold items (CD, optional, repeatable).</summary>
    public IReadOnlyList<string> UnavailableHoldItems { get => GetTexts(FieldId.UnavailableHoldItems); init => SetTexts(FieldId.UnavailableHoldItems, value); }

    /// <summary>Home address (BD, optional).</summary>
    public string? HomeAddress { get => GetText(FieldId.HomeAddress); init => SetText(FieldId.HomeAddress, value); }

    /// <summary>E-mail address (BE, optional).</summary>
    public string? EmailAddress { get => GetText(FieldId.EmailAddress); init => SetText(FieldId.EmailAddress, value); }

    /// <summary>Home phone number (BF, optional).</summary>
    public string? HomePhoneNumber { get => GetText(FieldId.HomePhoneNumber); init => SetText(FieldId.HomePhoneNumber, value); }

    /// <summary>Screen message (AF, optional, repeatable).</summary>
    public IReadOnlyList<string> ScreenMessages { get => GetTexts(FieldId.ScreenMessage); init => SetTexts(FieldId.ScreenMessage, value); }

    /// <summary>Print line (AG, optional, repeatable).</summary>
    public IReadOnlyList<string> PrintLines { get => GetTexts(FieldId.PrintLine); init => SetTexts(FieldId.PrintLine, value); }

    /// <summary>Patron expiration date (PA, optional, extension).</summary>
    public Sip2Timestamp? PatronExpirationDate { get => GetTimestamp(FieldId.PatronExpirationDate); init => SetTimestamp(FieldId.PatronExpirationDate, value); }

    /// <summary>Patron birth date (PB, optional, extension).</summary>
    public string? PatronBirthDate { get => GetText(FieldId.PatronBirthDate); init => SetText(FieldId.PatronBirthDate, value); }

    /// <summary>Patron class (PC, optional, extension).</summary>
    public string? PatronClass { get => GetText(FieldId.PatronClass); init => SetText(FieldId.PatronClass, value); }

    /// <summary>Patron internet profile (PI, optional, extension).</summary>
    public string? PatronInternetProfile { get => GetText(FieldId.PatronInternetProfile); init => SetText(FieldId.PatronInternetProfile, value); }

    /// <summary>Patron home library (AQ, optional, extension).</summary>
    public string? HomeLibrary { get => GetText(FieldId.PermanentLocation); init => SetText(FieldId.PermanentLocation, value); }

    /// <summary>Patron internal id (XI, optional, extension).</summary>
    public string? PatronInternalId { get => GetText(FieldId.PatronInternalId); init => SetText(FieldId.PatronInternalId, value); }

    /// <summary>Patron group (PT, optional, extension).</summary>
    public string? PatronGroup { get => GetText(FieldId.PatronGroup); init => SetText(FieldId.PatronGroup, value); }

    /// <summary>Patron type (ZY, optional, extension).</summary>
    public string? PatronType { get => GetText(FieldId.PatronType); init => SetText(FieldId.PatronType, value); }

    /// <summary>Borrower type (FU, optional, extension).</summary>
    public string? BorrowerType { get => GetText(FieldId.BorrowerType); init => SetText(FieldId.BorrowerType, value); }

    /// <summary>Borrower type description (FV, optional, extension).</summary>
    public string? BorrowerTypeDescription { get => GetText(FieldId.BorrowerTypeDescription); init => SetText(FieldId.BorrowerTypeDescription, value); }

    /// <summary>Fee remaining (FA, optional, repeatable, extension).</summary>
    public IReadOnlyList<string> FeeRemainingAmounts { get => GetTexts(FieldId.FeeRemaining); init => SetTexts(FieldId.FeeRemaining, value); }

    /// <summary>Fee item (FB, optional, repeatable, extension).</summary>
    public IReadOnlyList<string> FeeItems { get => GetTexts(FieldId.FeeItem); init => SetTexts(FieldId.FeeItem, value); }

    /// <summary>Fee creation date (FC, optional, repeatable, extension).</summary>
    public IReadOnlyList<string> FeeCreationDates { get => GetTexts(FieldId.FeeCreationDate); init => SetTexts(FieldId.FeeCreationDate, value); }

    /// <summary>Fee title (FD, optional, repeatable, extension).</summary>
    public IReadOnlyList<string> FeeTitles { get => GetTexts(FieldId.FeeTitle); init => SetTexts(FieldId.FeeTitle, value); }

    /// <summary>Fee id (FE, optional, repeatable, extension).</summary>
    public IReadOnlyList<string> FeeIds { get => GetTexts(FieldId.FeeId); init => SetTexts(FieldId.FeeId, value); }
}
