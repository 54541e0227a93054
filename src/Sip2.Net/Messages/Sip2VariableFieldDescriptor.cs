using System;

namespace Sip2.Net.Messages;

/// <summary>One variable-length field a message may carry.</summary>
public sealed class Sip2VariableFieldDescriptor
{
    internal Sip2VariableFieldDescriptor(int order, FieldId id, string propertyName, string specName, Sip2FieldKind kind, Type valueType, bool required, bool repeatable, bool isExtension, int codeLength, string? failureValue)
    {
        Order = order;
        Id = id;
        PropertyName = propertyName;
        SpecName = specName;
        Kind = kind;
        ValueType = valueType;
        IsRequired = required;
        IsRepeatable = repeatable;
        IsExtension = isExtension;
        CodeLength = codeLength;
        FailureValue = failureValue;
    }

    /// <summary>Position in the specification's field order; new fields are written in this order.</summary>
    public int Order { get; }

    /// <summary>The two-character id.</summary>
    public FieldId Id { get; }

    /// <summary>The property of the message record that reads and writes the field.</summary>
    public string PropertyName { get; }

    /// <summary>The field's name in the SIP2 specification or the extension's documentation.</summary>
    public string SpecName { get; }

    /// <summary>How the text is read and validated.</summary>
    public Sip2FieldKind Kind { get; }

    /// <summary>The type of the record property.</summary>
    public Type ValueType { get; }

    /// <summary>Whether the specification requires the field; a newly built message carries it, empty.</summary>
    public bool IsRequired { get; }

    /// <summary>Whether the field may appear more than once (its property is a list).</summary>
    public bool IsRepeatable { get; }

    /// <summary>Whether the field is a vendor extension rather than part of SIP2 2.00.</summary>
    public bool IsExtension { get; }

    /// <summary>For <see cref="Sip2FieldKind.Code"/> and <see cref="Sip2FieldKind.Count"/>: the number of digits written.</summary>
    public int CodeLength { get; }

    /// <summary>
    /// The value the server's refusal of a request writes in this field of the response (for example <c>N</c> for valid
    /// patron), or null when a refusal leaves it to the request's echo or out.
    /// </summary>
    public string? FailureValue { get; }
}
