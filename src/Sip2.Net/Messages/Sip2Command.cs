namespace Sip2.Net.Messages;

/// <summary>
/// The two-digit command code that opens every SIP2 message. The numeric value of each member is the code
/// itself, so <c>(int)Sip2Command.Checkout == 11</c>; codes not defined by SIP2 2.00 can still be carried
/// as a cast integer, but the parser only builds messages for the defined ones.
/// </summary>
public enum Sip2Command
{
    /// <summary>01 Block Patron (SC to ACS), answered by <see cref="PatronStatusResponse"/>.</summary>
    BlockPatron = 1,
    /// <summary>09 Checkin (SC to ACS).</summary>
    Checkin = 9,
    /// <summary>10 Checkin Response (ACS to SC).</summary>
    CheckinResponse = 10,
    /// <summary>11 Checkout (SC to ACS).</summary>
    Checkout = 11,
    /// <summary>12 Checkout Response (ACS to SC).</summary>
    CheckoutResponse = 12,
    /// <summary>15 Hold (SC to ACS).</summary>
    Hold = 15,
    /// <summary>16 Hold Response (ACS to SC).</summary>
    HoldResponse = 16,
    /// <summary>17 Item Information (SC to ACS).</summary>
    ItemInformation = 17,
    /// <summary>18 Item Information Response (ACS to SC).</summary>
    ItemInformationResponse = 18,
    /// <summary>19 Item Status Update (SC to ACS).</summary>
    ItemStatusUpdate = 19,
    /// <summary>20 Item Status Update Response (ACS to SC).</summary>
    ItemStatusUpdateResponse = 20,
    /// <summary>23 Patron Status Request (SC to ACS).</summary>
    PatronStatusRequest = 23,
    /// <summary>24 Patron Status Response (ACS to SC); also answers Block Patron.</summary>
    PatronStatusResponse = 24,
    /// <summary>25 Patron Enable (SC to ACS).</summary>
    PatronEnable = 25,
    /// <summary>26 Patron Enable Response (ACS to SC).</summary>
    PatronEnableResponse = 26,
    /// <summary>29 Renew (SC to ACS).</summary>
    Renew = 29,
    /// <summary>30 Renew Response (ACS to SC).</summary>
    RenewResponse = 30,
    /// <summary>35 End Patron Session (SC to ACS).</summary>
    EndPatronSession = 35,
    /// <summary>36 End Session Response (ACS to SC).</summary>
    EndPatronSessionResponse = 36,
    /// <summary>37 Fee Paid (SC to ACS).</summary>
    FeePaid = 37,
    /// <summary>38 Fee Paid Response (ACS to SC).</summary>
    FeePaidResponse = 38,
    /// <summary>63 Patron Information (SC to ACS).</summary>
    PatronInformation = 63,
    /// <summary>64 Patron Information Response (ACS to SC).</summary>
    PatronInformationResponse = 64,
    /// <summary>65 Renew All (SC to ACS).</summary>
    RenewAll = 65,
    /// <summary>66 Renew All Response (ACS to SC).</summary>
    RenewAllResponse = 66,
    /// <summary>93 Login (SC to ACS).</summary>
    Login = 93,
    /// <summary>94 Login Response (ACS to SC).</summary>
    LoginResponse = 94,
    /// <summary>96 Request SC Resend (ACS to SC): the last request arrived corrupted.</summary>
    RequestScResend = 96,
    /// <summary>97 Request ACS Resend (SC to ACS): the last response arrived corrupted.</summary>
    RequestAcsResend = 97,
    /// <summary>98 ACS Status (ACS to SC).</summary>
    AcsStatus = 98,
    /// <summary>99 SC Status (SC to ACS).</summary>
    ScStatus = 99,
}
