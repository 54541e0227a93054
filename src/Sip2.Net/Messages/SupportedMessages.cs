using System;

namespace Sip2.Net.Messages;

/// <summary>
/// The 16 positions of the supported-messages field (BX) of ACS Status, in wire order.
/// Clients have been seen sending more than 16; only the first 16 are read.
/// </summary>
[Flags]
public enum SupportedMessages
{
    /// <summary>No message.</summary>
    None = 0,
    /// <summary>Position 1: Patron Status Request (23).</summary>
    PatronStatusRequest = 1 << 0,
    /// <summary>Position 2: Checkout (11).</summary>
    Checkout = 1 << 1,
    /// <summary>Position 3: Checkin (09).</summary>
    Checkin = 1 << 2,
    /// <summary>Position 4: Block Patron (01).</summary>
    BlockPatron = 1 << 3,
    /// <summary>Position 5: SC/ACS Status (99/98). Should always be supported.</summary>
    ScAcsStatus = 1 << 4,
    /// <summary>Position 6: Request SC/ACS Resend (97/96). Should always be supported.</summary>
    RequestScAcsResend = 1 << 5,
    /// <summary>Position 7: Login (93).</summary>
    Login = 1 << 6,
    /// <summary>Position 8: Patron Information (63).</summary>
    PatronInformation = 1 << 7,
    /// <summary>Position 9: End Patron Session (35).</summary>
    EndPatronSession = 1 << 8,
    /// <summary>Position 10: Fee Paid (37).</summary>
    FeePaid = 1 << 9,
    /// <summary>Position 11: Item Information (17).</summary>
    ItemInformation = 1 << 10,
    /// <summary>Position 12: Item Status Update (19).</summary>
    ItemStatusUpdate = 1 << 11,
    /// <summary>Position 13: Patron Enable (25).</summary>
    PatronEnable = 1 << 12,
    /// <summary>Position 14: Hold (15).</summary>
    Hold = 1 << 13,
    /// <summary>Position 15: Renew (29).</summary>
    Renew = 1 << 14,
    /// <summary>Position 16: Renew All (65).</summary>
    RenewAll = 1 << 15,
    /// <summary>Every message.</summary>
    All = (1 << 16) - 1,
}
