namespace Sip2.Net.Messages;

// The SIP2 code tables. Each enum's numeric value is the wire code, so a code the table does not name
// (a local extension, a newer revision) survives as a cast integer instead of being rejected.

/// <summary>Language (3 digits) of patron and status messages.</summary>
public enum Sip2Language
{
    /// <summary>000 unknown or default.</summary>
    Unknown = 0,
    /// <summary>001 English.</summary>
    English = 1,
    /// <summary>002 French.</summary>
    French = 2,
    /// <summary>003 German.</summary>
    German = 3,
    /// <summary>004 Italian.</summary>
    Italian = 4,
    /// <summary>005 Dutch.</summary>
    Dutch = 5,
    /// <summary>006 Swedish.</summary>
    Swedish = 6,
    /// <summary>007 Finnish.</summary>
    Finnish = 7,
    /// <summary>008 Spanish.</summary>
    Spanish = 8,
    /// <summary>009 Danish.</summary>
    Danish = 9,
    /// <summary>010 Portuguese.</summary>
    Portuguese = 10,
    /// <summary>011 Canadian French.</summary>
    CanadianFrench = 11,
    /// <summary>012 Norwegian.</summary>
    Norwegian = 12,
    /// <summary>013 Hebrew.</summary>
    Hebrew = 13,
    /// <summary>014 Japanese.</summary>
    Japanese = 14,
    /// <summary>015 Russian.</summary>
    Russian = 15,
    /// <summary>016 Arabic.</summary>
    Arabic = 16,
    /// <summary>017 Polish.</summary>
    Polish = 17,
    /// <summary>018 Greek.</summary>
    Greek = 18,
    /// <summary>019 Chinese.</summary>
    Chinese = 19,
    /// <summary>020 Korean.</summary>
    Korean = 20,
    /// <summary>021 North American Spanish.</summary>
    NorthAmericanSpanish = 21,
    /// <summary>022 Tamil.</summary>
    Tamil = 22,
    /// <summary>023 Malay.</summary>
    Malay = 23,
    /// <summary>024 United Kingdom.</summary>
    UnitedKingdom = 24,
    /// <summary>025 Icelandic.</summary>
    Icelandic = 25,
    /// <summary>026 Belgian.</summary>
    Belgian = 26,
    /// <summary>027 Taiwanese.</summary>
    Taiwanese = 27,
}

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

/// <summary>Security marker of an item (Item Information Response, 2 digits).</summary>
public enum SecurityMarker
{
    /// <summary>00 other.</summary>
    Other = 0,
    /// <summary>01 none.</summary>
    None = 1,
    /// <summary>02 3M Tattle-Tape security strip.</summary>
    TattleTape = 2,
    /// <summary>03 3M Whisper Tape.</summary>
    WhisperTape = 3,
}

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

/// <summary>Media type (field CK, 3 digits).</summary>
public enum MediaType
{
    /// <summary>000 other.</summary>
    Other = 0,
    /// <summary>001 book.</summary>
    Book = 1,
    /// <summary>002 magazine.</summary>
    Magazine = 2,
    /// <summary>003 bound journal.</summary>
    BoundJournal = 3,
    /// <summary>004 audio tape.</summary>
    AudioTape = 4,
    /// <summary>005 video tape.</summary>
    VideoTape = 5,
    /// <summary>006 CD or CD-ROM.</summary>
    CdOrCdRom = 6,
    /// <summary>007 diskette.</summary>
    Diskette = 7,
    /// <summary>008 book with diskette.</summary>
    BookWithDiskette = 8,
    /// <summary>009 book with CD.</summary>
    BookWithCd = 9,
    /// <summary>010 book with audio tape.</summary>
    BookWithAudioTape = 10,
}

/// <summary>Hold mode of a Hold request (1 character). The value of each member is the wire character.</summary>
public enum HoldMode
{
    /// <summary><c>+</c> add a hold.</summary>
    Add = '+',
    /// <summary><c>-</c> delete a hold.</summary>
    Delete = '-',
    /// <summary><c>*</c> change a hold.</summary>
    Change = '*',
}

/// <summary>Hold type (field BY, 1 digit).</summary>
public enum HoldType
{
    /// <summary>1 other.</summary>
    Other = 1,
    /// <summary>2 any copy of a title.</summary>
    AnyCopyOfTitle = 2,
    /// <summary>3 a specific copy.</summary>
    SpecificCopy = 3,
    /// <summary>4 any copy at a single branch or sub-location.</summary>
    AnyCopyAtLocation = 4,
}

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

/// <summary>Status code of an SC Status message (1 digit).</summary>
public enum ScStatusCode
{
    /// <summary>0 SC is OK.</summary>
    Ok = 0,
    /// <summary>1 SC printer is out of paper.</summary>
    PrinterOutOfPaper = 1,
    /// <summary>2 SC is about to shut down.</summary>
    ShuttingDown = 2,
}
