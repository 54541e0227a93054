using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Sip2.Net.Messages;

namespace Sip2.Net.Testing.Internal;

/// <summary>
/// The properties of a message record that the message table describes (its fixed fields, then its variable fields),
/// read and set by reflection: the generators set every one, the shrinkers change one at a time.
/// </summary>
internal sealed class MessageSlots
{
    private static readonly Dictionary<Sip2Command, MessageSlots> ByCommand = Sip2MessageTable.All.ToDictionary(d => d.Command, d => new MessageSlots(d));

    private MessageSlots(Sip2MessageDescriptor descriptor)
    {
        Descriptor = descriptor;
        var nullability = new NullabilityInfoContext();
        Slots = descriptor.FixedFields
            .Select(f => Slot.Create(descriptor.MessageType.GetProperty(f.PropertyName)!, f.Kind, f.Length, isFixed: true, nullability))
            .Concat(descriptor.Fields.Select(f => Slot.Create(descriptor.MessageType.GetProperty(f.PropertyName)!, f.Kind, f.CodeLength, isFixed: false, nullability)))
            .ToArray();
    }

    public Sip2MessageDescriptor Descriptor { get; }

    public IReadOnlyList<Slot> Slots { get; }

    public static MessageSlots Of(Sip2MessageDescriptor descriptor) => ByCommand[descriptor.Command];

    /// <summary>A new message with the given values, by property name, and the unknown fields after the known ones.</summary>
    public Sip2Message Build(IReadOnlyDictionary<string, object?> values, IEnumerable<Sip2Field> unknownFields)
    {
        var message = (Sip2Message)Activator.CreateInstance(Descriptor.MessageType)!;
        foreach (var slot in Slots)
        {
            if (values.TryGetValue(slot.Name, out var value))
            {
                slot.Property.SetValue(message, value);
            }
        }

        foreach (var field in unknownFields)
        {
            message = message.WithFieldValues(field.Id, message.GetFields(field.Id).Append(field.Value).ToArray());
        }

        return message;
    }

    /// <summary>What the message's properties read.</summary>
    public Dictionary<string, object?> Read(Sip2Message message) => Slots.ToDictionary(s => s.Name, s => s.Property.GetValue(message));

    /// <summary>One property: its type and the field's kind, length (fixed length, or digits of a code) and place.</summary>
    internal sealed record Slot(PropertyInfo Property, Sip2FieldKind Kind, int Length, bool IsFixed, bool IsNullable)
    {
        public string Name => Property.Name;

        public Type Type => Property.PropertyType;

        public static Slot Create(PropertyInfo property, Sip2FieldKind kind, int length, bool isFixed, NullabilityInfoContext nullability)
        {
            var type = property.PropertyType;
            var nullable = Nullable.GetUnderlyingType(type) is not null
                || (type == typeof(string) && nullability.Create(property).ReadState == NullabilityState.Nullable);
            return new Slot(property, kind, length, isFixed, nullable);
        }
    }
}
