using System;

namespace Sip2.Net.Messages;

/// <summary>One fixed-length field of a message: its place, length and kind.</summary>
public sealed class Sip2FixedFieldDescriptor
{
    internal Sip2FixedFieldDescriptor(int index, string propertyName, string specName, int offset, int length, Sip2FieldKind kind, Type valueType, string defaultText, string failureText)
    {
        Index = index;
        PropertyName = propertyName;
        SpecName = specName;
        Offset = offset;
        Length = length;
        Kind = kind;
        ValueType = valueType;
        DefaultText = defaultText;
        FailureText = failureText;
    }

    /// <summary>Position among the message's fixed fields.</summary>
    public int Index { get; }

    /// <summary>The property of the message record that reads and writes the field.</summary>
    public string PropertyName { get; }

    /// <summary>The field's name in the SIP2 specification.</summary>
    public string SpecName { get; }

    /// <summary>Offset of the field in the message, counted after the two-digit command code.</summary>
    public int Offset { get; }

    /// <summary>Length in characters.</summary>
    public int Length { get; }

    /// <summary>How the text is read and validated.</summary>
    public Sip2FieldKind Kind { get; }

    /// <summary>The type of the record property.</summary>
    public Type ValueType { get; }

    /// <summary>The text a newly built message starts with.</summary>
    public string DefaultText { get; }

    /// <summary>
    /// The text the server's refusal of a request writes in this field of the response (the well-formed "no", see
    /// <see cref="Sip2MessageDescriptor.IsBackendRequest"/>): for example <c>N</c> for desensitize, <c>0000</c> for a
    /// count; usually the default text. A transaction date is always the time of the refusal.
    /// </summary>
    public string FailureText { get; }
}
