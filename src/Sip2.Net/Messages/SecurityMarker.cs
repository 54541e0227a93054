namespace Sip2.Net.Messages;

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
