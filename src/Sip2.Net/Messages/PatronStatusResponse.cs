using System.Collections.Generic;

namespace Sip2.Net.Messages;

/// <summary>Patron Status Response (24); also the answer to Block Patron.</summary>
/// <remarks>Wire layout: <c>24</c> + patron status (14) + language (3) + transaction date (18) + variable fields.</remarks>
public sealed record PatronStatusResponse() : Sip2Message(Sip2Command.PatronStatusResponse)
{
    /// <summary>Patron status (fixed, 14 characters).</summary>
    public PatronStatus PatronStatus { get => (PatronStatus)GetFixedPositions(0); init => SetFixedPositions(0, (int)value); }

    /// <summary>Language (fixed, 3 characters).</summary>
    public Sip2Language? Language { get => (Sip2Language?)GetFixedNumber(1); init => SetFixedNumber(1, (int?)value); }

    /// <summary>Transaction date (fixed, 18 characters).</summary>
    public Sip2Timestamp? TransactionDate { get => GetFixedTimestamp(2); init => SetFixedTimestamp(2, value); }

    /// <summary>Institution id (AO, required).</summary>
    public string InstitutionId { get => GetRequiredText(FieldId.InstitutionId); init => SetText(FieldId.InstitutionId, value); }

    /// <summary>Patron identifier (AA, required).</summary>
    public string PatronIdentifier { get => GetRequiredText(FieldId.PatronIdentifier); init => SetText(FieldId.PatronIdentifier, value); }

    /// <summary>Personal name (AE, required).</summary>
    public string PersonalName { get => GetRequiredText(FieldId.PersonalName); init => SetText(FieldId.PersonalName, value); }

    /// <summary>Valid patron (BL, optional).</summary>
    public bool? ValidPatron { get => GetFlag(FieldId.ValidPatron); init => SetFlag(FieldId.ValidPatron, value); }

    /// <summary>Valid patron password (CQ, optional).</summary>
    public bool? ValidPatronPassword { get => GetFlag(FieldId.ValidPatronPassword); init => SetFlag(FieldId.ValidPatronPassword, value); }

    /// <summary>Currency type (BH, optional).</summary>
    public string? CurrencyType { get => GetText(FieldId.CurrencyType); init => SetText(FieldId.CurrencyType, value); }

    /// <summary>Fee amount (BV, optional).</summary>
    public Sip2Amount? FeeAmount { get => GetAmount(FieldId.FeeAmount); init => SetAmount(FieldId.FeeAmount, value); }

    /// <summary>Screen message (AF, optional, repeatable).</summary>
    public IReadOnlyList<string> ScreenMessages { get => GetTexts(FieldId.ScreenMessage); init => SetTexts(FieldId.ScreenMessage, value); }

    /// <summary>Print line (AG, optional, repeatable).</summary>
    public IReadOnlyList<string> PrintLines { get => GetTexts(FieldId.PrintLine); init => SetTexts(FieldId.PrintLine, value); }

    /// <summary>Home address (BD, optional, extension).</summary>
    public string? HomeAddress { get => GetText(FieldId.HomeAddress); init => SetText(FieldId.HomeAddress, value); }

    /// <summary>E-mail address (BE, optional, extension).</summary>
    public string? EmailAddress { get => GetText(FieldId.EmailAddress); init => SetText(FieldId.EmailAddress, value); }

    /// <summary>Home phone number (BF, optional, extension).</summary>
    public string? HomePhoneNumber { get => GetText(FieldId.HomePhoneNumber); init => SetText(FieldId.HomePhoneNumber, value); }
}
