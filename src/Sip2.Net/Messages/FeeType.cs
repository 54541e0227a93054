namespace Sip2.Net.Messages;

/// <summary>Fee type (2 digits; fixed in 18 and 37, field BT elsewhere).</summary>
public enum FeeType
{
    /// <summary>01 other or unknown.</summary>
    Other = 1,
    /// <summary>02 administrative.</summary>
    Administrative = 2,
    /// <summary>03 damage.</summary>
    Damage = 3,
    /// <summary>04 overdue.</summary>
    Overdue = 4,
    /// <summary>05 processing.</summary>
    Processing = 5,
    /// <summary>06 rental.</summary>
    Rental = 6,
    /// <summary>07 replacement.</summary>
    Replacement = 7,
    /// <summary>08 computer access charge.</summary>
    ComputerAccessCharge = 8,
    /// <summary>09 hold fee.</summary>
    HoldFee = 9,
}
