using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;

namespace Sip2.Net.Testing.Internal;

/// <summary>The generator of one message property's values, chosen by the property's type and its field's kind and length.</summary>
internal static class SlotValues
{
    public static Gen<object?> For(MessageSlots.Slot slot, Sip2Encoding encoding)
    {
        var type = slot.Type;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            if (slot.IsFixed)
            {
                return Sip2Generators.FixedText(slot.Length).Select(text => (object?)text);
            }

            var text = Sip2Generators.Text(encoding).Select(s => (object?)s);
            return slot.IsNullable ? OrNull(text) : text;
        }

        if (type == typeof(IReadOnlyList<string>))
        {
            return Gen.Choose(0, 4).SelectMany(count => Gen.ListOf(Sip2Generators.Text(encoding), count)).Select(list => (object?)list.ToArray());
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
            return Number(slot);
        }

        if (type == typeof(Sip2Timestamp?))
        {
            return OrNull(Sip2Generators.Timestamp().Select(t => (object?)t));
        }

        if (type == typeof(Sip2Amount?))
        {
            return OrNull(Sip2Generators.Amount().Select(a => (object?)a));
        }

        if (underlying == typeof(SupportedMessages))
        {
            return OrNull(Gen.Choose(0, 0xFFFF).Select(v => (object?)(SupportedMessages)v));
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
            // A mode outside the three the standard names is still one character, and kept as it came.
            return Gen.Elements<object?>(HoldMode.Add, HoldMode.Delete, HoldMode.Change, (HoldMode)'x');
        }

        if (underlying.IsEnum)
        {
            var value = EnumValue(underlying, Math.Max(slot.Length, 1));
            return type == underlying ? value : Gen.Frequency((1, Gen.Constant<object?>(null)), (5, value));
        }

        throw new InvalidOperationException($"No generator for {slot.Property.DeclaringType!.Name}.{slot.Name} ({type}).");
    }

    // Fixed numbers fill their length with digits; counts and variable numbers may be absent.
    private static Gen<object?> Number(MessageSlots.Slot slot)
    {
        var max = slot.IsFixed ? (int)Math.Pow(10, slot.Length) - 1 : slot.Kind == Sip2FieldKind.Count ? (int)Math.Pow(10, Math.Max(slot.Length, 4)) - 1 : 99_999;
        var digits = Gen.Choose(0, max).Select(v => (object?)v);
        return slot.IsFixed && slot.Kind == Sip2FieldKind.Number ? digits : OrNull(digits);
    }

    // Mostly the code table's values; sometimes a code the table does not name, which is carried as it came.
    private static Gen<object?> EnumValue(Type enumType, int digits) =>
        Gen.Frequency(
            (4, Gen.Elements(Enum.GetValues(enumType).Cast<object>().ToArray())),
            (1, Gen.Choose(0, digits >= 2 ? 99 : 9).Select(v => Enum.ToObject(enumType, v))))
        .Select(v => (object?)v);

    private static Gen<object?> OrNull(Gen<object?> values) => Gen.Frequency((1, Gen.Constant<object?>(null)), (4, values));
}
