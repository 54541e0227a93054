namespace Sip2.Net.Messages;

/// <summary>Alert type of a Checkin Response (field CV, 2 digits; 3M sorter extension).</summary>
public enum AlertType
{
    /// <summary>00 unknown.</summary>
    Unknown = 0,
    /// <summary>01 hold for this library.</summary>
    HoldForThisLibrary = 1,
    /// <summary>02 hold for another branch.</summary>
    HoldForOtherBranch = 2,
    /// <summary>03 hold for interlibrary loan.</summary>
    HoldForInterlibraryLoan = 3,
    /// <summary>04 send to another branch (no hold).</summary>
    SendToOtherBranch = 4,
    /// <summary>99 other.</summary>
    Other = 99,
}
