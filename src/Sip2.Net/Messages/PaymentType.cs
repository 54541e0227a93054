namespace Sip2.Net.Messages;

/// <summary>Payment type of a Fee Paid (2 digits). Local codes beyond these are kept as cast integers.</summary>
public enum PaymentType
{
    /// <summary>00 cash.</summary>
    Cash = 0,
    /// <summary>01 VISA.</summary>
    Visa = 1,
    /// <summary>02 credit card.</summary>
    CreditCard = 2,
}
