namespace Sip2.Net.Messages;

/// <summary>Checkout (11).</summary>
/// <remarks>Wire layout: <c>11</c> + SC renewal policy (1) + no block (1) + transaction date (18) + nb due date (18) + variable fields.</remarks>
public sealed record CheckoutRequest() : Sip2Request<CheckoutResponse>(Sip2Command.Checkout)
{
    /// <summary>SC renewal policy (fixed, 1 character).</summary>
    public bool ScRenewalPolicy { get => GetFixedYesNo(0); init => SetFixedYesNo(0, value); }

    /// <summary>No block (fixed, 1 character): true when the transaction already happened off-line and must not be blocked.</summary>
    public bool NoBlock { get => GetFixedYesNo(1); init => SetFixedYesNo(1, value); }

    /// <summary>Transaction date (fixed, 18 characters).</summary>
    public Sip2Timestamp? TransactionDate { get => GetFixedTimestamp(2); init => SetFixedTimestamp(2, value); }

    /// <summary>Nb due date (fixed, 18 characters): the due date given off-line; blank when no block is false.</summary>
    public Sip2Timestamp? NbDueDate { get => GetFixedTimestamp(3); init => SetFixedTimestamp(3, value); }

    /// <summary>Institution id (AO, required).</summary>
    public string InstitutionId { get => GetRequiredText(FieldId.InstitutionId); init => SetText(FieldId.InstitutionId, value); }

    /// <summary>Patron identifier (AA, required).</summary>
    public string PatronIdentifier { get => GetRequiredText(FieldId.PatronIdentifier); init => SetText(FieldId.PatronIdentifier, value); }

    /// <summary>Item identifier (AB, required).</summary>
    public string ItemIdentifier { get => GetRequiredText(FieldId.ItemIdentifier); init => SetText(FieldId.ItemIdentifier, value); }

    /// <summary>Terminal password (AC, required).</summary>
    public string TerminalPassword { get => GetRequiredText(FieldId.TerminalPassword); init => SetText(FieldId.TerminalPassword, value); }

    /// <summary>Item properties (CH, optional).</summary>
    public string? ItemProperties { get => GetText(FieldId.ItemProperties); init => SetText(FieldId.ItemProperties, value); }

    /// <summary>Patron password (AD, optional).</summary>
    public string? PatronPassword { get => GetText(FieldId.PatronPassword); init => SetText(FieldId.PatronPassword, value); }

    /// <summary>Fee acknowledged (BO, optional).</summary>
    public bool? FeeAcknowledged { get => GetFlag(FieldId.FeeAcknowledged); init => SetFlag(FieldId.FeeAcknowledged, value); }

    /// <summary>Cancel (BI, optional).</summary>
    public bool? Cancel { get => GetFlag(FieldId.Cancel); init => SetFlag(FieldId.Cancel, value); }
}
