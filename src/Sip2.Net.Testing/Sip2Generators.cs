using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System;
using FsCheck.Fluent;
using FsCheck;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Testing.Internal;

namespace Sip2.Net.Testing;

/// <summary>
/// FsCheck generators of SIP2 values, messages and byte streams, valid for a chosen <see cref="Sip2Encoding"/>: a text
/// never holds the field delimiter <c>|</c>, a control character or a character the encoding cannot carry, and never
/// ends in something a parser would take for a trailer (<c>AZ</c> and four hex digits). Compose them with FsCheck's
/// <c>Gen</c> combinators, or turn them into arbitraries with <see cref="Sip2Shrinkers"/>
/// (<c>Arb.From(Sip2Generators.Message&lt;CheckoutRequest&gt;(Sip2Encoding.Utf8), m =&gt; Sip2Shrinkers.Message(m))</c>);
/// <see cref="Sip2Arbitraries"/> registers the common ones.
/// </summary>
public static partial class Sip2Generators
{
    /// <summary>The longest text <see cref="Text"/> makes unless told otherwise.</summary>
    public const int DefaultMaxTextLength = 40;

    // Printable ASCII without the field delimiter: what every encoding carries as itself.
    private const string Printable = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{}~";
    private const string Ibm850Letters = "äöüÄÖÜßéèêçñÑÆæøØåÅÉ£¥áíóúº¿½¼«»";
    private const string Utf8Letters = "€ąłżŁőűčšžΩЖ漢字カタカナ한국어😀📚";

    // Whole text elements, so a surrogate pair is never split.
    private static readonly string[] AsciiPool = Elements(Printable);
    private static readonly string[] Ibm850Pool = Elements(Printable + Ibm850Letters);
    private static readonly string[] Utf8Pool = Elements(Printable + Ibm850Letters + Utf8Letters);

    /// <summary>
    /// A field value of 0 to <paramref name="maxLength"/> UTF-16 characters (at most 255, a field's limit) that the
    /// encoding carries unchanged: printable ASCII without <c>|</c>, plus letters of IBM850 (for IBM850 and UTF-8) and
    /// of other scripts, emoji included (for UTF-8). <see cref="Sip2Encoding.AsciiFolding"/> gets ASCII only.
    /// </summary>
    public static Gen<string> Text(Sip2Encoding encoding, int maxLength = DefaultMaxTextLength)
    {
        if (encoding is null)
        {
            throw new ArgumentNullException(nameof(encoding));
        }

        if (maxLength is < 0 or > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "A field holds 0 to 255 characters.");
        }

        var pool = encoding.Kind switch
        {
            Sip2CharacterEncoding.Utf8 => Utf8Pool,
            Sip2CharacterEncoding.Ibm850 => Ibm850Pool,
            _ => AsciiPool,
        };
        var element = Gen.Elements(pool);
        return Gen.Choose(0, maxLength)
            .SelectMany(count => Gen.ListOf(element, count))
            .Select(parts => Fit(parts, maxLength))
            .Where(text => !LooksLikeTrailer(text));
    }

    /// <summary>The text of a fixed text field (a version, a currency): exactly <paramref name="length"/> printable ASCII characters.</summary>
    public static Gen<string> FixedText(int length)
    {
        if (length < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "A length is not negative.");
        }

        return Gen.ArrayOf(Gen.Elements(Printable.ToCharArray()), length).Select(chars => new string(chars));
    }

    /// <summary>
    /// A SIP2 date and time (<c>YYYYMMDDZZZZHHMMSS</c>) between 1990 and 2049: local time (four spaces), UTC (<c>   Z</c>)
    /// or one of the military zone letters.
    /// </summary>
    public static Gen<Sip2Timestamp> Timestamp() =>
        from day in Gen.Choose(0, (365 * 60) - 1)
        from second in Gen.Choose(0, 86399)
        from zone in Gen.Elements(" ZABCDEFGHIKLMNOPQRSTUVWXY".ToCharArray())
        let dateTime = new DateTime(1990, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddDays(day).AddSeconds(second)
        select zone == ' '
            ? Sip2Timestamp.Local(dateTime)
            : Sip2Timestamp.Parse(dateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "   " + zone + dateTime.ToString("HHmmss", CultureInfo.InvariantCulture));

    /// <summary>A money amount from 0.00 to 1000.00, written with a point (<c>12.50</c>) or, as some clients do, a comma (<c>12,50</c>).</summary>
    public static Gen<Sip2Amount> Amount() =>
        Gen.OneOf(
            Gen.Choose(0, 100_000).Select(cents => Sip2Amount.FromDecimal(cents / 100m)),
            Gen.Choose(0, 100_000).Select(cents => new Sip2Amount(
                (cents / 100).ToString(CultureInfo.InvariantCulture) + "," + (cents % 100).ToString("00", CultureInfo.InvariantCulture))));

    /// <summary>A value for one fixed field of a message, of the type its property takes (null where blank is allowed).</summary>
    public static Gen<object?> FixedFieldValue(Sip2MessageDescriptor message, Sip2FixedFieldDescriptor field)
    {
        var slot = MessageSlots.Of(message ?? throw new ArgumentNullException(nameof(message))).Slots
            .Single(s => s.IsFixed && s.Name == (field ?? throw new ArgumentNullException(nameof(field))).PropertyName);
        return SlotValues.For(slot, Sip2Encoding.Ibm850);
    }

    /// <summary>A value for one variable field of a message, of the type its property takes; optional fields are sometimes null.</summary>
    public static Gen<object?> FieldValue(Sip2MessageDescriptor message, Sip2VariableFieldDescriptor field, Sip2Encoding encoding)
    {
        var slot = MessageSlots.Of(message ?? throw new ArgumentNullException(nameof(message))).Slots
            .Single(s => !s.IsFixed && s.Name == (field ?? throw new ArgumentNullException(nameof(field))).PropertyName);
        return SlotValues.For(slot, encoding ?? throw new ArgumentNullException(nameof(encoding)));
    }

    /// <summary>
    /// A value for every property of a message that the table describes (its fixed fields, then its variable fields),
    /// by property name: what <see cref="Message(Sip2MessageDescriptor, Sip2Encoding)"/> sets.
    /// </summary>
    public static Gen<IReadOnlyDictionary<string, object?>> PropertyValues(Sip2MessageDescriptor descriptor, Sip2Encoding encoding)
    {
        if (encoding is null)
        {
            throw new ArgumentNullException(nameof(encoding));
        }

        var slots = MessageSlots.Of(descriptor ?? throw new ArgumentNullException(nameof(descriptor))).Slots;
        return Gen.CollectToArray(slots.Select(slot => SlotValues.For(slot, encoding)))
            .Select(values => (IReadOnlyDictionary<string, object?>)slots.Select((slot, i) => (slot.Name, values[i])).ToDictionary(p => p.Name, p => p.Item2));
    }

    /// <summary>
    /// A field no SIP2 2.00 message defines (ids <c>Q0</c> to <c>X9</c>, as vendor extensions look), with a value:
    /// parsers keep such fields in order and write them back.
    /// </summary>
    public static Gen<Sip2Field> UnknownField(Sip2Encoding encoding) =>
        from first in Gen.Elements("QRSTUVWX".ToCharArray())
        from second in Gen.Elements("0123456789".ToCharArray())
        from value in Text(encoding, 20)
        select new Sip2Field(new FieldId(new string([first, second])), value);

    // A value ending (before trailing spaces) in "AZ" and four hex digits would be read as a checksum when it is the
    // last field of a message written without a trailer.
    internal static bool LooksLikeTrailer(string text)
    {
        var end = text.TrimEnd(' ');
        return end.Length >= 6 && end[end.Length - 6] == 'A' && end[end.Length - 5] == 'Z' && end.Substring(end.Length - 4).All(Uri.IsHexDigit);
    }

    private static string Fit(IEnumerable<string> parts, int maxLength)
    {
        var text = string.Empty;
        foreach (var part in parts)
        {
            if (text.Length + part.Length > maxLength)
            {
                break;
            }

            text += part;
        }

        return text;
    }

    private static string[] Elements(string text)
    {
        var elements = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        return elements.ToArray();
    }
}
