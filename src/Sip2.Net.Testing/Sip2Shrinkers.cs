using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sip2.Net.Messages;
using Sip2.Net.Testing.Internal;

namespace Sip2.Net.Testing;

/// <summary>
/// Shrinkers that keep SIP2 values valid: each candidate changes one thing towards a simpler value that the message
/// can still carry (an unknown field dropped, an optional field left out, a text shortened at a whole character, a
/// list shortened, a flag or a number reset), so a failing property is reported with the smallest message that still
/// fails, and never with one the codec could not write.
/// </summary>
public static class Sip2Shrinkers
{
    private static readonly Sip2Timestamp Simplest = Sip2Timestamp.Local(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));

    /// <summary>Simpler messages of the same type, one change each.</summary>
    public static IEnumerable<TMessage> Message<TMessage>(TMessage message)
        where TMessage : Sip2Message
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        var slots = MessageSlots.Of(message.Descriptor);
        var values = slots.Read(message);
        var unknown = message.UnknownFields.ToList();
        for (var i = 0; i < unknown.Count; i++)
        {
            yield return (TMessage)slots.Build(values, unknown.Where((_, j) => j != i));
        }

        foreach (var slot in slots.Slots)
        {
            foreach (var simpler in Simpler(slot, values[slot.Name]))
            {
                var changed = new Dictionary<string, object?>(values) { [slot.Name] = simpler };
                yield return (TMessage)slots.Build(changed, unknown);
            }
        }
    }

    /// <summary>Simpler frames: the same options and trailer around a simpler message.</summary>
    public static IEnumerable<Sip2Frame> Frame(Sip2Frame frame)
    {
        if (frame is null)
        {
            throw new ArgumentNullException(nameof(frame));
        }

        return Message(frame.Message).Select(message => Sip2Generators.Write(message, frame.Options, frame.Trailer));
    }

    /// <summary>Simpler timestamps: the start of 2000, then the same time in local time.</summary>
    public static IEnumerable<Sip2Timestamp> Timestamp(Sip2Timestamp timestamp)
    {
        if (timestamp != Simplest)
        {
            yield return Simplest;
        }

        if (!timestamp.IsLocal)
        {
            yield return Sip2Timestamp.Local(timestamp.DateTime);
        }
    }

    /// <summary>Simpler amounts: zero, then the amount in whole units.</summary>
    public static IEnumerable<Sip2Amount> Amount(Sip2Amount amount)
    {
        if (amount.Value is not { } value || value == 0)
        {
            yield break;
        }

        yield return Sip2Amount.FromDecimal(0);
        if (decimal.Truncate(value) != value)
        {
            yield return Sip2Amount.FromDecimal(decimal.Truncate(value));
        }
    }

    private static IEnumerable<object?> Simpler(MessageSlots.Slot slot, object? value)
    {
        if (value is null)
        {
            yield break;
        }

        if (slot.IsNullable && !slot.IsFixed)
        {
            yield return null; // an optional field left out
        }

        switch (value)
        {
            case string text when !slot.IsFixed && text.Length > 0:
                yield return "";
                foreach (var shorter in Shorter(text).Where(s => !Sip2Generators.LooksLikeTrailer(s)))
                {
                    yield return shorter;
                }

                break;
            case IReadOnlyList<string> list when list.Count > 0:
                yield return Array.Empty<string>();
                yield return list.Take(list.Count - 1).ToArray();
                break;
            case true:
                yield return false;
                break;
            case int number when number != 0:
                yield return 0;
                break;
            case Sip2Timestamp timestamp:
                if (slot.IsFixed && slot.IsNullable)
                {
                    yield return null; // a blank date, which the fixed field allows
                }

                foreach (var simpler in Timestamp(timestamp))
                {
                    yield return simpler;
                }

                break;
            case Sip2Amount amount:
                foreach (var simpler in Amount(amount))
                {
                    yield return simpler;
                }

                break;
        }
    }

    // The first half, all but the last character and all but the first, cut at whole characters (a surrogate pair
    // stays together), so a failure that needs one character in particular shrinks down to it.
    private static IEnumerable<string> Shorter(string text)
    {
        var starts = StringInfo.ParseCombiningCharacters(text);
        if (starts.Length > 2)
        {
            yield return text.Substring(0, starts[starts.Length / 2]);
        }

        if (starts.Length > 1)
        {
            yield return text.Substring(0, starts[starts.Length - 1]);
            yield return text.Substring(starts[1]);
        }
    }
}
