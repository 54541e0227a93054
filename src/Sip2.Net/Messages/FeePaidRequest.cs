namespace Sip2.Net.Messages;

/// <summary>Fee Paid (37).</summary>
/// <remarks>Wire layout: <c>37</c> + transaction date (18) + fee type (2) + payment type (2) + currency type (3) + variable fields.</remarks>
public sealed record FeePaidRequest() : Sip2Request<FeePaidResponse>(Sip2Command.FeePaid)
{
    /// <summary>Transaction date (fixed, 18 characters).</summary>
    public Sip2Timestamp? TransactionDate { get => GetFixedTimestamp(0); init => SetFixedTimestamp(0, value); }

    /// <summary>Fee type (fixed, 2 characters).</summary>
    public FeeType? FeeType { get => (FeeType?)GetFixedNumber(1); init => SetFixedNumber(1, (int?)value); }

    /// <summary>Payment type (fixed, 2 characters).</summary>
    public PaymentType? PaymentType { get => (PaymentType?)GetFixedNumber(2); init => SetFixedNumber(2, (int?)value); }

    /// <summary>Currency type (fixed, 3 characters): ISO 4217, such as USD, GBP, EUR.</summary>
    public string CurrencyType { get => GetFixed(3); init => SetFixed(3, value); }

    /// <summary>Fee amount (BV, required).</summary>
    public Sip2Amount? FeeAmount { get => GetAmount(FieldId.FeeAmount); init => SetAmount(FieldId.FeeAmount, value); }

    /// <summary>Institution id (AO, required).</summary>
    public string InstitutionId { get => GetRequiredText(FieldId.InstitutionId); init => SetText(FieldId.InstitutionId, value); }

    /// <summary>Patron identifier (AA, required).</summary>
    public string PatronIdentifier { get => GetRequiredText(FieldId.PatronIdentifier); init => SetText(FieldId.PatronIdentifier, value); }

    /// <summary>Terminal password (AC, optional).</summary>
    public string? TerminalPassword { get => GetText(FieldId.TerminalPassword); init => SetText(FieldId.TerminalPassword, value); }

    /// <summary>Patron password (AD, optional).</summary>
    public string? PatronPassword { get => GetText(FieldId.PatronPassword); init => SetText(FieldId.PatronPassword, value); }

    /// <summary>Fee identifier (CG, optional).</summary>
    public string? FeeIdentifier { get => GetText(FieldId.FeeIdentifier); init => SetText(FieldId.FeeIdentifier, value); }

    /// <summary>Transaction id (BK, optional).</summary>
    public string? TransactionId { get => GetText(FieldId.TransactionId); init => SetText(FieldId.TransactionId, value); }

    /// <summary>Register login (OR, optional, extension).</summary>
    public string? RegisterLogin { get => GetText(FieldId.RegisterLogin); init => SetText(FieldId.RegisterLogin, value); }

    /// <summary>Check number (RN, optional, extension).</summary>
    public string? CheckNumber { get => GetText(FieldId.CheckNumber); init => SetText(FieldId.CheckNumber, value); }
}
