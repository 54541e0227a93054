using System;
using System.Globalization;

namespace Sip2.Net.Messages.Internal;

/// <summary>
/// Text forms of the field kinds: lenient readers (used by the record properties, never throwing),
/// strict validators (used by the strict parse mode) and canonical writers (used by the property setters).
/// </summary>
internal static class FieldText
{
    // Every printable ASCII character as a one-character string, and runs of spaces: the fixed parts of most
    // messages are flags ("Y", "N", "0") and blank dates, so the parser shares these instead of allocating.
    private static readonly string[] AsciiCharacters = CreateAsciiCharacters();
    private static readonly string[] Spaces = CreateSpaces(Sip2Timestamp.Length);

    /// <summary><paramref name="value"/> as a string, shared for ASCII.</summary>
    public static string OneCharacter(char value) => value < (char)AsciiCharacters.Length ? AsciiCharacters[value] : value.ToString();

    /// <summary>
    /// Decodes a field's bytes; one ASCII byte and short runs of spaces come from the shared strings (ASCII
    /// decodes the same in every SIP2 encoding), anything else is decoded by <paramref name="encoding"/>.
    /// </summary>
    public static string Decode(Encodings.Sip2Encoding encoding, System.ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            return "";
        }

        if (bytes.Length == 1 && bytes[0] < AsciiCharacters.Length)
        {
            return AsciiCharacters[bytes[0]];
        }

        if (bytes.Length < Spaces.Length && bytes[0] == (byte)' ' && IsAllSpaces(bytes))
        {
            return Spaces[bytes.Length];
        }

        return encoding.GetString(bytes);
    }

    private static bool IsAllSpaces(System.ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b != (byte)' ')
            {
                return false;
            }
        }

        return true;
    }

    private static string[] CreateAsciiCharacters()
    {
        var table = new string[128];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = ((char)i).ToString();
        }

        return table;
    }

    private static string[] CreateSpaces(int longest)
    {
        var table = new string[longest + 1];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = new string(' ', i);
        }

        return table;
    }

    public const string Yes = "Y";
    public const string No = "N";

    public static bool ReadYesNo(string? raw) => raw is { Length: 1 } && (raw[0] == 'Y' || raw[0] == 'y');

    public static bool? ReadYesNoOptional(string? raw) => raw is { Length: 1 }
        ? raw[0] switch { 'Y' or 'y' => true, 'N' or 'n' => false, _ => null }
        : null;

    public static string WriteYesNo(bool value) => value ? Yes : No;

    public static bool ReadOneZero(string? raw) => raw == "1";

    public static string WriteOneZero(bool value) => value ? "1" : "0";

    public static string WriteYesNoUnknown(bool? value) => value switch { true => Yes, false => No, null => "U" };

    /// <summary>Digits, optionally padded with spaces; null for blank or anything else.</summary>
    public static int? ReadNumber(string? raw) => raw is null ? null : ReadNumber(raw.AsSpan());

    /// <summary>Digits, optionally padded with spaces; null for blank or anything else.</summary>
    public static int? ReadNumber(ReadOnlySpan<char> raw)
    {
        var span = raw.Trim(' ');
        if (span.Length == 0 || span.Length > 9)
        {
            return null;
        }

        var value = 0;
        foreach (var c in span)
        {
            if (c < '0' || c > '9')
            {
                return null;
            }

            value = (value * 10) + (c - '0');
        }

        return value;
    }

    /// <summary>Writes a number zero-padded to <paramref name="length"/> (0: unpadded); null is spaces.</summary>
    public static string WriteNumber(int? value, int length, string fieldName)
    {
        if (value is null)
        {
            return length == 0 ? "" : new string(' ', length);
        }

        var text = value.Value.ToString(CultureInfo.InvariantCulture);
        if (value < 0 || (length > 0 && text.Length > length))
        {
            throw new ArgumentOutOfRangeException(fieldName, value, length > 0
                ? $"The field holds {length} digits: 0 to {new string('9', length)}."
                : "The field holds a number of zero or more.");
        }

        return length == 0 ? text : text.PadLeft(length, '0');
    }

    public static Sip2Timestamp? ReadTimestamp(string? raw) =>
        raw is not null && Sip2Timestamp.TryParse(raw.AsSpan(), out var value) ? value : null;

    public static string WriteTimestamp(Sip2Timestamp? value) => value?.ToString() ?? new string(' ', Sip2Timestamp.Length);

    /// <summary>Reads a positional Y/space flag string: bit i is set when position i is Y.</summary>
    public static int ReadPositions(string? raw, int length) => raw is null ? 0 : ReadPositions(raw.AsSpan(), length);

    /// <summary>Reads a positional Y/space flag string: bit i is set when position i is Y.</summary>
    public static int ReadPositions(ReadOnlySpan<char> raw, int length)
    {
        var bits = 0;
        var n = Math.Min(raw.Length, length);
        for (var i = 0; i < n; i++)
        {
            if (raw[i] is 'Y' or 'y')
            {
                bits |= 1 << i;
            }
        }

        return bits;
    }

    public static string WritePositions(int bits, int length, char clear)
    {
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (bits & (1 << i)) != 0 ? 'Y' : clear;
        }

        return chars.ToString();
    }

    public static Sip2Amount? ReadAmount(string? raw) => raw is null ? null : new Sip2Amount(raw);

    /// <summary>Whether <paramref name="raw"/> is the spec's form for a field of <paramref name="kind"/>.</summary>
    public static bool IsValid(Sip2FieldKind kind, string raw, int length, bool isFixed)
    {
        switch (kind)
        {
            case Sip2FieldKind.Text:
                return true;
            case Sip2FieldKind.YesNo:
                return raw is "Y" or "N";
            case Sip2FieldKind.YesNoUnknown:
                return raw is "Y" or "N" or "U";
            case Sip2FieldKind.OneZero:
                return raw is "1" or "0";
            case Sip2FieldKind.Number:
                return raw.Length > 0 && AllDigits(raw);
            case Sip2FieldKind.Count:
                return isFixed ? (AllDigits(raw) || raw.Trim().Length == 0) : raw.Length > 0 && AllDigits(raw);
            case Sip2FieldKind.Code:
                return raw.Length == length && AllDigits(raw);
            case Sip2FieldKind.Timestamp:
                return Sip2Timestamp.TryParse(raw.AsSpan(), out _) || (isFixed && raw.Trim().Length == 0);
            case Sip2FieldKind.PatronStatus:
            case Sip2FieldKind.Summary:
                foreach (var c in raw)
                {
                    if (c is not ('Y' or 'N' or ' '))
                    {
                        return false;
                    }
                }

                return raw.Length == length;
            case Sip2FieldKind.SupportedMessages:
                foreach (var c in raw)
                {
                    if (c is not ('Y' or 'N'))
                    {
                        return false;
                    }
                }

                return raw.Length == 16;
            case Sip2FieldKind.Character:
                return raw.Length == 1;
            case Sip2FieldKind.Amount:
                return Sip2Amount.TryParse(raw, out _);
            default:
                return false;
        }
    }

    private static bool AllDigits(string raw)
    {
        foreach (var c in raw)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return true;
    }
}
