namespace Sip2.Net.Protocol;

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
