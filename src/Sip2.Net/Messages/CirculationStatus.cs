namespace Sip2.Net.Messages;

/// <summary>Circulation status of an item (Item Information Response, 2 digits).</summary>
public enum CirculationStatus
{
    /// <summary>01 other.</summary>
    Other = 1,
    /// <summary>02 on order.</summary>
    OnOrder = 2,
    /// <summary>03 available.</summary>
    Available = 3,
    /// <summary>04 charged.</summary>
    Charged = 4,
    /// <summary>05 charged; not to be recalled until the earliest recall date.</summary>
    ChargedNotToBeRecalled = 5,
    /// <summary>06 in process.</summary>
    InProcess = 6,
    /// <summary>07 recalled.</summary>
    Recalled = 7,
    /// <summary>08 waiting on hold shelf.</summary>
    WaitingOnHoldShelf = 8,
    /// <summary>09 waiting to be re-shelved.</summary>
    WaitingToBeReshelved = 9,
    /// <summary>10 in transit between library locations.</summary>
    InTransit = 10,
    /// <summary>11 claimed returned.</summary>
    ClaimedReturned = 11,
    /// <summary>12 lost.</summary>
    Lost = 12,
    /// <summary>13 missing.</summary>
    Missing = 13,
}
