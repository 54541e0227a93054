using System;
using Sip2.Net.Encodings;

namespace Sip2.Net.Protocol;

/// <summary>How messages are read and written on one connection. Immutable; share freely.</summary>
public sealed record Sip2CodecOptions
{
    /// <summary>IBM850, lenient parsing, automatic error detection, CR, <c>|</c>, 255-character fields.</summary>
    public static Sip2CodecOptions Default { get; } = new();

    /// <summary>The character encoding. Default: <see cref="Sip2Encoding.Ibm850"/>, the standard's code page.</summary>
    public Sip2Encoding Encoding { get; init; } = Sip2Encoding.Ibm850;

    /// <summary>How strictly incoming messages are read. Default: <see cref="Sip2ParseMode.Lenient"/>.</summary>
    public Sip2ParseMode ParseMode { get; init; } = Sip2ParseMode.Lenient;

    /// <summary>How checksums on incoming messages are treated. Default: <see cref="Sip2ErrorDetectionMode.Auto"/>.</summary>
    public Sip2ErrorDetectionMode ErrorDetection { get; init; } = Sip2ErrorDetectionMode.Auto;

    /// <summary>The terminator written after each message. Input always accepts CR, CRLF and LF. Default: CR.</summary>
    public Sip2Terminator Terminator { get; init; } = Sip2Terminator.Cr;

    /// <summary>The field delimiter. Default <c>|</c>; a few ACSs let it be configured.</summary>
    public char FieldDelimiter
    {
        get;
        init => field = value is > ' ' and < (char)0x7F && !char.IsLetterOrDigit(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(FieldDelimiter), value, "The delimiter must be printable ASCII punctuation.");
    } = '|';

    /// <summary>
    /// The longest value written for a variable field, in characters; longer values are cut (the standard
    /// allows 0 to 255). Default: 255.
    /// </summary>
    public int MaxFieldLength
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxFieldLength), value, "At least one character.");
    } = 255;

    /// <summary>
    /// What a field delimiter, CR, LF or NUL inside a value is written as: a value can never end a field or a
    /// message early. Default: a space (readable on a kiosk screen, unlike an entity such as <c>&amp;#124;</c>).
    /// </summary>
    public char DelimiterReplacement
    {
        get;
        init => field = value is >= ' ' and < (char)0x7F && value != FieldDelimiter
            ? value
            : throw new ArgumentOutOfRangeException(nameof(DelimiterReplacement), value, "The replacement must be printable ASCII and not the delimiter.");
    } = ' ';
}
