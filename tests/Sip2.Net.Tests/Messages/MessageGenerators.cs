using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;

namespace Sip2.Net.Tests.Messages;

/// <summary>FsCheck generators for typed message values, driven by the message table.</summary>
internal static class MessageGenerators
{
    private const string Ascii = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{}~";
    private const string Ibm850Extra = "äöüÄÖÜßéèêçñÑÆæøØåÅÉ£¥áíóúº¿½¼«»";
    private const string Utf8Extra = "äöüßé€ąłżŁőűčšžÆøå漢字カタカナ한국어ΩЖ😀📚";

    public static Gen<string> Text(Sip2Encoding encoding, int maxLength = 40)
    {
        // Whole characters (a surrogate pair stays together): printable ASCII without the delimiter,
        // plus letters the encoding can carry.
        var extra = encoding == Sip2Encoding.Utf8 ? Utf8Extra : Ibm850Extra;
        var pool = Ascii.Select(c => c.ToString())
            .Concat(System.Globalization.StringInfo.GetTextElementEnumerator(extra) is var e ? Elements(e) : [])
            .ToArray();
        var ch = Gen.Elements(pool);
        return Gen.Choose(0, maxLength).SelectMany(n => Gen.ListOf(ch, n)).Select(parts => string.Concat(parts));
    }

    private static IEnumerable<string> Elements(System.Globalization.TextElementEnumerator e)
    {
        while (e.MoveNext())
        {
            yield return e.GetTextElement();
        }
    }

    public static Gen<Sip2Timestamp> Timestamp() =>
        from day in Gen.Choose(0, 365 * 60)
        from second in Gen.Choose(0, 86399)
        from zone in Gen.Elements(" ZABCDEFGHIKLMNOPQRSTUVWXY".ToCharArray())
        let dateTime = new DateTime(1990, 1, 1).AddDays(day).AddSeconds(second)
        select zone == ' ' ? Sip2Timestamp.Local(dateTime) : Sip2Timestamp.Parse(dateTime.ToString("yyyyMMdd") + "   " + zone + dateTime.ToString("HHmmss"));

    private static Gen<object?> Nullable<T>(Gen<T> gen) =>
        Gen.Frequency((1, Gen.Constant<object?>(null)), (4, gen.Select(v => (object?)v)));

    private static Gen<object?> EnumValue(Type enumType, int digits) =>
        Gen.Frequency(
            (4, Gen.Elements(Enum.GetValues(enumType).Cast<object>().ToArray())),
            (1, Gen.Choose(0, digits >= 2 ? 99 : 9).Select(v => Enum.ToObject(enumType, v)))) // codes outside the table are kept
        .Select(v => (object?)v);

    /// <summary>A generator of values for one property, by its type and the field's kind and length.</summary>
    public static Gen<object?> ValueFor(PropertyInfo property, Sip2FieldKind kind, int length, bool isFixed, Sip2Encoding encoding)
    {
        var type = property.PropertyType;
        var underlying = System.Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            if (isFixed)
            {
                return Gen.ArrayOf(Gen.Elements(Ascii.Replace("|", "").ToCharArray()), length).Select(c => (object?)new string(c));
            }

            var nullable = new NullabilityInfoContext().Create(property).ReadState == NullabilityState.Nullable;
            var text = Text(encoding).Select(s => (object?)s);
            return nullable ? Gen.Frequency((1, Gen.Constant<object?>(null)), (4, text)) : text;
        }

        if (type == typeof(IReadOnlyList<string>))
        {
            return Gen.Choose(0, 4).SelectMany(n => Gen.ListOf(Text(encoding), n)).Select(l => (object?)l.ToArray());
        }

        if (type == typeof(bool))
        {
            return Gen.Elements(true, false).Select(b => (object?)b);
        }

        if (type == typeof(bool?))
        {
            return Gen.Elements<bool?>(true, false, null).Select(b => (object?)b);
        }

        if (type == typeof(char))
        {
            return Gen.Elements("0123456789".ToCharArray()).Select(c => (object?)c);
        }

        if (type == typeof(int?))
        {
            var max = isFixed || kind == Sip2FieldKind.Count ? (int)Math.Pow(10, Math.Max(length, 4)) - 1 : 99999;
            max = isFixed ? (int)Math.Pow(10, length) - 1 : max;
            return isFixed && kind == Sip2FieldKind.Number ? Gen.Choose(0, max).Select(v => (object?)v) : Nullable(Gen.Choose(0, max));
        }

        if (type == typeof(Sip2Timestamp?))
        {
            return Nullable(Timestamp());
        }

        if (type == typeof(Sip2Amount?))
        {
            var amount = Gen.OneOf(
                Gen.Choose(0, 100000).Select(c => Sip2Amount.FromDecimal(c / 100m)),
                Gen.Choose(0, 100000).Select(c => new Sip2Amount((c / 100).ToString() + "," + (c % 100).ToString("00"))));
            return Nullable(amount);
        }

        if (underlying == typeof(SupportedMessages))
        {
            return Nullable(Gen.Choose(0, 0xFFFF).Select(v => (SupportedMessages)v));
        }

        if (underlying == typeof(PatronStatus))
        {
            return Gen.Choose(0, (1 << 14) - 1).Select(v => (object?)(PatronStatus)v);
        }

        if (underlying == typeof(PatronSummary))
        {
            return Gen.Choose(0, (1 << 10) - 1).Select(v => (object?)(PatronSummary)v);
        }

        if (underlying == typeof(HoldMode))
        {
            return Gen.Elements<object?>(HoldMode.Add, HoldMode.Delete, HoldMode.Change, (HoldMode)'x');
        }

        if (underlying.IsEnum)
        {
            var value = EnumValue(underlying, Math.Max(length, 1));
            return type == underlying ? value : Gen.Frequency((1, Gen.Constant<object?>(null)), (5, value));
        }

        throw new InvalidOperationException($"No generator for {property.DeclaringType!.Name}.{property.Name} ({type}).");
    }

    /// <summary>A message of the given type with every property set to a generated value, plus the values set.</summary>
    public static Gen<(Sip2Message Message, Dictionary<string, object?> Values)> Message(Sip2MessageDescriptor descriptor, Sip2Encoding encoding)
    {
        var type = descriptor.MessageType;
        var slots = descriptor.FixedFields.Select(f => (f.PropertyName, f.Kind, f.Length, true))
            .Concat(descriptor.Fields.Select(f => (f.PropertyName, f.Kind, Length: f.CodeLength, false)))
            .ToArray();
        var gens = slots.Select(s => ValueFor(type.GetProperty(s.PropertyName)!, s.Kind, s.Length, s.Item4, encoding)).ToArray();
        var unknown = Gen.ListOf(
            from a in Gen.Elements("QRSTUVWX".ToCharArray())
            from b in Gen.Elements("0123456789".ToCharArray())
            from value in Text(encoding, 20)
            select new Sip2Field(new FieldId(new string(new[] { a, b })), value), 3);

        return from values in Gen.CollectToArray(gens)
               from extra in Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(unknown.Select(l => l.First()), n))
               select Build(descriptor, slots.Select(s => s.PropertyName).ToArray(), values, extra.ToArray());
    }

    private static (Sip2Message, Dictionary<string, object?>) Build(Sip2MessageDescriptor descriptor, string[] names, object?[] values, Sip2Field[] unknown)
    {
        var message = (Sip2Message)Activator.CreateInstance(descriptor.MessageType)!;
        var set = new Dictionary<string, object?>();
        for (var i = 0; i < names.Length; i++)
        {
            descriptor.MessageType.GetProperty(names[i])!.SetValue(message, values[i]);
            set[names[i]] = values[i];
        }

        foreach (var field in unknown)
        {
            message = message.WithFieldValues(field.Id, message.GetFields(field.Id).Append(field.Value).ToArray());
        }

        return (message, set);
    }
}
