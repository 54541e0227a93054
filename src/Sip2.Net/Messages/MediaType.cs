namespace Sip2.Net.Messages;

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
