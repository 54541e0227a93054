namespace Sip2.Net.Resolution;

/// <summary>
/// The situations a kiosk is told about in a screen message (AF). Every refusal the access policy, the
/// resolution strategy, the server or a back end reports carries one; <see cref="ISip2MessageCatalog"/> turns it
/// into the text of the session's institution. Values are stable: integrators may store them.
/// </summary>
public enum Sip2MessageScenario
{
    // Patrons
    /// <summary>No patron has the identifier given (AA).</summary>
    PatronNotFound = 0,
    /// <summary>The patron exists but belongs to an institution outside the session's scope.</summary>
    PatronOutOfScope = 1,
    /// <summary>The patron password or PIN (AD) is wrong.</summary>
    InvalidPatronPassword = 2,
    /// <summary>The patron may not borrow: blocked, barred or suspended.</summary>
    PatronBlocked = 3,
    /// <summary>The patron's card has expired.</summary>
    PatronCardExpired = 4,
    /// <summary>The patron owes more than the fee limit allows.</summary>
    PatronFeeLimitExceeded = 5,
    /// <summary>The patron has reached the number of items they may have checked out.</summary>
    PatronItemLimitReached = 6,
    /// <summary>The patron has too many overdue items.</summary>
    PatronOverdueLimitReached = 7,

    // Items
    /// <summary>No item has the identifier given (AB).</summary>
    ItemNotFound = 20,
    /// <summary>The item exists but is owned by an institution outside the session's scope.</summary>
    ItemOutOfScope = 21,
    /// <summary>The item may not circulate (reference, in processing, lost, ...).</summary>
    ItemNotCirculating = 22,
    /// <summary>The item is on hold for another patron.</summary>
    ItemOnHoldForAnotherPatron = 23,
    /// <summary>The item is checked out to another patron.</summary>
    ItemCheckedOutToAnotherPatron = 24,
    /// <summary>The item needs staff attention (multi-part, damaged, magnetic media ...).</summary>
    ItemNeedsAttention = 25,
    /// <summary>The item is not checked out, so it cannot be renewed or checked in as a loan.</summary>
    ItemNotCheckedOut = 26,
    /// <summary>An available hold may not be checked out from a kiosk (branch configuration).</summary>
    AvailableHoldNotAllowed = 27,

    // Transactions
    /// <summary>The item has been renewed as often as allowed.</summary>
    RenewalLimitReached = 40,
    /// <summary>The item may not be renewed (for example because another patron wants it).</summary>
    RenewalNotAllowed = 41,
    /// <summary>A fee is due for this transaction and must be acknowledged first (BO).</summary>
    FeeMustBeAcknowledged = 42,
    /// <summary>A payment could not be recorded.</summary>
    FeePaymentFailed = 43,
    /// <summary>A hold could not be placed or cancelled.</summary>
    HoldNotPlaced = 44,
    /// <summary>A checkout failed for a reason not covered by another scenario.</summary>
    CheckoutFailed = 45,
    /// <summary>A checkin failed for a reason not covered by another scenario.</summary>
    CheckinFailed = 46,

    // Service and access
    /// <summary>The message is switched off in the branch's SIP2 configuration or not implemented.</summary>
    MessageNotSupported = 60,
    /// <summary>The session must log in (93) before sending this message.</summary>
    LoginRequired = 61,
    /// <summary>A login (93) was refused: unknown login id, wrong or empty password.</summary>
    LoginRefused = 62,
    /// <summary>Logins from this address are refused for a while after repeated failures.</summary>
    LoginThrottled = 63,
    /// <summary>The client's address has no activated registration.</summary>
    AccessRefused = 64,
    /// <summary>The registration's branch has no SIP2 configuration (any more).</summary>
    ConfigurationMissing = 65,
    /// <summary>The library system cannot be reached.</summary>
    BackEndUnavailable = 66,
    /// <summary>The library system failed while handling the request.</summary>
    BackEndError = 67,
}
