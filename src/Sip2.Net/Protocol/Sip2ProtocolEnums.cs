namespace Sip2.Net.Protocol;

/// <summary>The bytes written after each message.</summary>
public enum Sip2Terminator
{
    /// <summary>Carriage return (0x0D), as the standard says.</summary>
    Cr = 0,
    /// <summary>Carriage return and line feed, for clients that need it (Koha's default, some Alexandria-style stacks).</summary>
    CrLf = 1,
}

/// <summary>How sequence numbers (AY) and checksums (AZ) are treated.</summary>
public enum Sip2ErrorDetectionMode
{
    /// <summary>
    /// Per message: a message that carries a checksum is verified and answered with one; a message without is
    /// accepted and answered without (what Evergreen and Koha do).
    /// </summary>
    Auto = 0,
    /// <summary>Every message must carry a valid checksum; one without is refused (answered with 96).</summary>
    On = 1,
    /// <summary>Checksums are neither verified nor written; a trailer that arrives is still recognised and removed.</summary>
    Off = 2,
}

/// <summary>How strictly incoming messages are read.</summary>
public enum Sip2ParseMode
{
    /// <summary>
    /// The default: the tolerance real clients need. Fields in any order, duplicates kept, empty segments and
    /// trailing junk after the last delimiter skipped, a fixed part that simply ends early filled with defaults,
    /// values that do not fit their kind kept as text (their typed property reads null).
    /// </summary>
    Lenient = 0,
    /// <summary>
    /// The specification: complete fixed part, values of the right form, required fields present, no duplicate
    /// of a non-repeatable field, no empty or unterminated segment, variable fields of at most 255 characters.
    /// Unknown field ids are still accepted, as the specification asks.
    /// </summary>
    Strict = 1,
}
