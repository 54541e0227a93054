using System;
using System.Globalization;
using System.Text;

namespace Sip2.Net.Encodings;

/// <summary>
/// Turns SIP2 text into bytes and back for one connection. Checksums are always computed over the bytes this
/// produces, never over characters. Characters an encoding cannot carry are written as <c>?</c>; bytes that do
/// not decode (invalid UTF-8) are read as U+FFFD, so hostile input never throws.
/// </summary>
public abstract class Sip2Encoding
{
    private protected Sip2Encoding(Sip2CharacterEncoding kind, string name)
    {
        Kind = kind;
        Name = name;
    }

    /// <summary>IBM850, the SIP2 default. Every byte decodes; characters outside the code page become <c>?</c>.</summary>
    public static Sip2Encoding Ibm850 { get; } = new TextEncoding(Sip2CharacterEncoding.Ibm850, "IBM850", CreateIbm850());

    /// <summary>UTF-8 without a byte-order mark.</summary>
    public static Sip2Encoding Utf8 { get; } = new TextEncoding(Sip2CharacterEncoding.Utf8, "UTF-8",
        new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false));

    /// <summary>ASCII output with diacritics folded away (<c>Müller</c> is sent as <c>Muller</c>); input is read as IBM850.</summary>
    public static Sip2Encoding AsciiFolding { get; } = new FoldingEncoding();

    /// <summary>Which encoding this is.</summary>
    public Sip2CharacterEncoding Kind { get; }

    /// <summary>The encoding's name (<c>IBM850</c>, <c>UTF-8</c>, <c>ASCII</c>).</summary>
    public string Name { get; }

    /// <summary>The instance for a registration's setting.</summary>
    public static Sip2Encoding Get(Sip2CharacterEncoding encoding) => encoding switch
    {
        Sip2CharacterEncoding.Ibm850 => Ibm850,
        Sip2CharacterEncoding.Utf8 => Utf8,
        Sip2CharacterEncoding.AsciiFolding => AsciiFolding,
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Unknown SIP2 character encoding."),
    };

    /// <summary>Finds an encoding by name: <c>IBM850</c> (or <c>cp850</c>, <c>850</c>), <c>UTF-8</c> (or <c>utf8</c>), <c>ASCII</c>.</summary>
    public static bool TryGet(string? name, out Sip2Encoding encoding)
    {
        switch (name?.Trim().ToUpperInvariant().Replace("-", "").Replace("_", ""))
        {
            case "IBM850" or "CP850" or "850" or "IBM00850":
                encoding = Ibm850;
                return true;
            case "UTF8":
                encoding = Utf8;
                return true;
            case "ASCII" or "ASCIIFOLDING" or "USASCII":
                encoding = AsciiFolding;
                return true;
            default:
                encoding = Ibm850;
                return false;
        }
    }

    /// <summary>Decodes bytes to text.</summary>
    public abstract string GetString(ReadOnlySpan<byte> bytes);

    /// <summary>The number of bytes <see cref="GetBytes(ReadOnlySpan{char}, Span{byte})"/> writes for <paramref name="text"/>.</summary>
    public abstract int GetByteCount(ReadOnlySpan<char> text);

    /// <summary>Encodes text into <paramref name="destination"/>, which must hold <see cref="GetByteCount"/> bytes; returns the count written.</summary>
    public abstract int GetBytes(ReadOnlySpan<char> text, Span<byte> destination);

    // For a single-byte code page, its byte for every character up to U+00FF (0 for one it lacks, NUL included:
    // see HasSingleByte); null for the others. The message writer uses it to write a value in one pass.
    internal virtual byte[]? SingleByteTable => null;

    // Whether `table` (a SingleByteTable) has a byte for `c`.
    internal static bool HasSingleByte(char c, byte[] table) => c < table.Length && (table[c] != 0 || c == '\0');

    /// <summary>Encodes text to a new array.</summary>
    public byte[] GetBytes(string text)
    {
        var span = (text ?? throw new ArgumentNullException(nameof(text))).AsSpan();
        var bytes = new byte[GetByteCount(span)];
        GetBytes(span, bytes);
        return bytes;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static Encoding CreateIbm850()
    {
        // The code page provider is used directly rather than registered globally: the library needs no
        // set-up from its users and changes nothing process-wide.
        return CodePagesEncodingProvider.Instance.GetEncoding(850, new QuestionMarkFallback(), new DecoderReplacementFallback("?"))
            ?? throw new InvalidOperationException("The IBM850 code page is not available.");
    }

    // One '?' per character the code page lacks, a surrogate pair (an emoji, say) included: the stock
    // replacement fallback would write one per UTF-16 unit.
    private sealed class QuestionMarkFallback : EncoderFallback
    {
        public override int MaxCharCount => 1;

        public override EncoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

        private sealed class Buffer : EncoderFallbackBuffer
        {
            private int remaining;

            public override int Remaining => remaining;

            public override bool Fallback(char charUnknown, int index)
            {
                remaining = 1;
                return true;
            }

            public override bool Fallback(char charUnknownHigh, char charUnknownLow, int index)
            {
                remaining = 1;
                return true;
            }

            public override char GetNextChar()
            {
                if (remaining == 0)
                {
                    return '\0';
                }

                remaining--;
                return '?';
            }

            public override bool MovePrevious()
            {
                if (remaining == 0)
                {
                    remaining = 1;
                    return true;
                }

                return false;
            }

            public override void Reset() => remaining = 0;
        }
    }

    private sealed class TextEncoding(Sip2CharacterEncoding kind, string name, Encoding encoding) : Sip2Encoding(kind, name)
    {
        // For a single-byte code page (IBM850): the byte of every character up to U+00FF, or 0 for one the code
        // page lacks. The names, titles and places in a response are mostly Latin-1 letters (é, ü, ß), which this
        // writes without the code page encoder and its two passes (count, then encode) per value.
        private readonly byte[]? latin1 = encoding.IsSingleByte ? CreateLatin1Table(encoding) : null;

        internal override byte[]? SingleByteTable => latin1;

        public override unsafe string GetString(ReadOnlySpan<byte> bytes)
        {
            if (bytes.IsEmpty)
            {
                return "";
            }

            // ASCII reads the same in every SIP2 encoding, and nearly every value is ASCII (ids, barcodes, dates):
            // those are widened directly rather than through the code page decoder. (UTF-8's decoder has such a
            // fast path of its own.)
            fixed (byte* pointer = bytes)
            {
                return latin1 is not null && IsAscii(bytes) ? Encoding.ASCII.GetString(pointer, bytes.Length) : encoding.GetString(pointer, bytes.Length);
            }
        }

        public override unsafe int GetByteCount(ReadOnlySpan<char> text)
        {
            if (text.IsEmpty)
            {
                return 0;
            }

            if (latin1 is not null && IsLatin1(text, latin1))
            {
                return text.Length;
            }

            fixed (char* pointer = text)
            {
                return encoding.GetByteCount(pointer, text.Length);
            }
        }

        public override unsafe int GetBytes(ReadOnlySpan<char> text, Span<byte> destination)
        {
            if (text.IsEmpty)
            {
                return 0;
            }

            if (latin1 is not null && text.Length <= destination.Length && TryWriteLatin1(text, destination, latin1))
            {
                return text.Length;
            }

            // Written again from the start by the code page, past whatever the table wrote.
            fixed (char* chars = text)
            fixed (byte* bytes = destination)
            {
                return encoding.GetBytes(chars, text.Length, bytes, destination.Length);
            }
        }

        private static bool IsAscii(ReadOnlySpan<byte> bytes)
        {
#if NET8_0_OR_GREATER
            return System.Text.Ascii.IsValid(bytes);
#else
            foreach (var b in bytes)
            {
                if (b >= 0x80)
                {
                    return false;
                }
            }

            return true;
#endif
        }

        // Whether every character has a byte in the table (NUL maps to 0 and is the only one that may).
        private static bool IsLatin1(ReadOnlySpan<char> text, byte[] table)
        {
            foreach (var c in text)
            {
                if (!HasSingleByte(c, table))
                {
                    return false;
                }
            }

            return true;
        }

        // Checks and writes in one pass; false at the first character without a byte, the destination partly written.
        private static bool TryWriteLatin1(ReadOnlySpan<char> text, Span<byte> destination, byte[] table)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (!HasSingleByte(c, table))
                {
                    return false;
                }

                destination[i] = table[c];
            }

            return true;
        }

        private static byte[] CreateLatin1Table(Encoding encoding)
        {
            var table = new byte[256];
            var one = new char[1];
            var encoded = new byte[4];
            for (var c = 1; c < table.Length; c++)
            {
                one[0] = (char)c;
                // The fallback writes '?' for a character the code page lacks: that one stays 0 (unmapped).
                var count = encoding.GetBytes(one, 0, 1, encoded, 0);
                if (count == 1 && (encoded[0] != (byte)'?' || c == '?'))
                {
                    table[c] = encoded[0];
                }
            }

            return table;
        }
    }

    private sealed class FoldingEncoding() : Sip2Encoding(Sip2CharacterEncoding.AsciiFolding, "ASCII")
    {
        public override string GetString(ReadOnlySpan<byte> bytes) => Ibm850.GetString(bytes);

        public override int GetByteCount(ReadOnlySpan<char> text) => Fold(text).Length;

        public override int GetBytes(ReadOnlySpan<char> text, Span<byte> destination)
        {
            var folded = Fold(text);
            for (var i = 0; i < folded.Length; i++)
            {
                destination[i] = (byte)folded[i];
            }

            return folded.Length;
        }

        // Normalize throws on a surrogate without its other half (a back end's text cut in the middle of an emoji):
        // each becomes '?', as any other character with no ASCII form, so that no text makes formatting throw.
        private static string WithoutLoneSurrogates(ReadOnlySpan<char> text)
        {
            char[]? copy = null;
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++; // a pair
                }
                else if (char.IsSurrogate(text[i]))
                {
                    copy ??= text.ToArray();
                    copy[i] = '?';
                }
            }

            return copy is null ? text.ToString() : new string(copy);
        }

        // Decomposes (NFD), drops the combining marks, spells out the letters that do not decompose
        // (ß, æ, ø, ł, ...), and writes anything still outside ASCII as '?'.
        internal static string Fold(ReadOnlySpan<char> text)
        {
            var ascii = true;
            foreach (var c in text)
            {
                if (c > 0x7F)
                {
                    ascii = false;
                    break;
                }
            }

            if (ascii)
            {
                return text.ToString();
            }

            var decomposed = WithoutLoneSurrogates(text).Normalize(NormalizationForm.FormD);
            var builder = new StringBuilder(decomposed.Length);
            foreach (var c in decomposed)
            {
                if (c <= 0x7F)
                {
                    builder.Append(c);
                    continue;
                }

                if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                {
                    continue;
                }

                builder.Append(c switch
                {
                    'ß' => "ss",
                    'Æ' => "AE",
                    'æ' => "ae",
                    'Œ' => "OE",
                    'œ' => "oe",
                    'Ø' => "O",
                    'ø' => "o",
                    'Ł' => "L",
                    'ł' => "l",
                    'Đ' => "D",
                    'đ' => "d",
                    'Þ' => "Th",
                    'þ' => "th",
                    'ı' => "i",
                    '\u2018' or '\u2019' => "'",
                    '\u201C' or '\u201D' => "\"",
                    '\u2013' or '\u2014' => "-",
                    _ when char.IsHighSurrogate(c) => "",
                    _ => "?",
                });
            }

            return builder.ToString();
        }
    }
}
