using System;
using System.Collections.Generic;

namespace Sip2.Net.Messages;

/// <summary>How a field's text is read and validated. Each kind maps to one property type in the message records.</summary>
public enum Sip2FieldKind
{
    /// <summary>Free text (<see cref="string"/>).</summary>
    Text,
    /// <summary><c>Y</c> or <c>N</c> (<see cref="bool"/>; <c>bool?</c> for an optional variable field).</summary>
    YesNo,
    /// <summary><c>Y</c>, <c>N</c> or <c>U</c> for unknown (<c>bool?</c>).</summary>
    YesNoUnknown,
    /// <summary><c>1</c> or <c>0</c>, the "ok" fields (<see cref="bool"/>).</summary>
    OneZero,
    /// <summary>Decimal digits; fixed fields zero-padded to their length (<c>int?</c>).</summary>
    Number,
    /// <summary>A 4-digit count, or 4 spaces when not supplied (<c>int?</c>).</summary>
    Count,
    /// <summary>An 18-character date, <c>YYYYMMDDZZZZHHMMSS</c>; blank is null (<see cref="Sip2Timestamp"/>?).</summary>
    Timestamp,
    /// <summary>The 14-position patron status (<see cref="Messages.PatronStatus"/>).</summary>
    PatronStatus,
    /// <summary>The 10-position summary (<see cref="PatronSummary"/>).</summary>
    Summary,
    /// <summary>The 16-position supported-messages string (<see cref="Messages.SupportedMessages"/>).</summary>
    SupportedMessages,
    /// <summary>A numeric code of a code table, of a fixed number of digits (a nullable enum).</summary>
    Code,
    /// <summary>A single character (<see cref="char"/>, or an enum whose values are characters).</summary>
    Character,
    /// <summary>A money amount (<see cref="Sip2Amount"/>?).</summary>
    Amount,
}

/// <summary>One fixed-length field of a message: its place, length and kind.</summary>
public sealed class Sip2FixedFieldDescriptor
{
    internal Sip2FixedFieldDescriptor(int index, string propertyName, string specName, int offset, int length, Sip2FieldKind kind, Type valueType, string defaultText)
    {
        Index = index;
        PropertyName = propertyName;
        SpecName = specName;
        Offset = offset;
        Length = length;
        Kind = kind;
        ValueType = valueType;
        DefaultText = defaultText;
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
}

/// <summary>One variable-length field a message may carry.</summary>
public sealed class Sip2VariableFieldDescriptor
{
    internal Sip2VariableFieldDescriptor(int order, FieldId id, string propertyName, string specName, Sip2FieldKind kind, Type valueType, bool required, bool repeatable, bool isExtension, int codeLength)
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
}

/// <summary>Everything the codec knows about one message: its code, its fixed fields and its variable fields.</summary>
public sealed class Sip2MessageDescriptor
{
    private readonly Dictionary<FieldId, Sip2VariableFieldDescriptor> byId = new();

    internal Sip2MessageDescriptor(Sip2Command command, string specName, Type messageType, bool fromSc, Sip2Command? response, IReadOnlyList<Sip2FixedFieldDescriptor> fixedFields, IReadOnlyList<Sip2VariableFieldDescriptor> fields)
    {
        Command = command;
        SpecName = specName;
        MessageType = messageType;
        IsRequest = fromSc;
        ResponseCommand = response;
        FixedFields = fixedFields;
        Fields = fields;
        foreach (var field in fields)
        {
            byId.Add(field.Id, field);
        }

        foreach (var field in fixedFields)
        {
            FixedLength += field.Length;
        }

        var required = new List<Sip2Field>();
        foreach (var field in fields)
        {
            if (field.IsRequired)
            {
                required.Add(new Sip2Field(field.Id, ""));
            }
        }

        RequiredFieldsTemplate = required.ToArray();
        var defaults = new string[fixedFields.Count];
        for (var i = 0; i < defaults.Length; i++)
        {
            defaults[i] = fixedFields[i].DefaultText;
        }

        FixedDefaults = defaults;
    }

    /// <summary>The command code.</summary>
    public Sip2Command Command { get; }

    /// <summary>The message's name in the SIP2 specification.</summary>
    public string SpecName { get; }

    /// <summary>The record type that represents the message.</summary>
    public Type MessageType { get; }

    /// <summary>True for messages the SC sends to the ACS, false for the ACS's answers.</summary>
    public bool IsRequest { get; }

    /// <summary>For a request, the code of its answer (Block Patron is answered by a Patron Status Response).</summary>
    public Sip2Command? ResponseCommand { get; }

    /// <summary>The fixed-length fields, in wire order.</summary>
    public IReadOnlyList<Sip2FixedFieldDescriptor> FixedFields { get; }

    /// <summary>The total length of the fixed fields.</summary>
    public int FixedLength { get; }

    /// <summary>The variable-length fields the message knows, in specification order (extensions last).</summary>
    public IReadOnlyList<Sip2VariableFieldDescriptor> Fields { get; }

    internal Sip2Field[] RequiredFieldsTemplate { get; }

    internal string[] FixedDefaults { get; }

    /// <summary>The descriptor of a variable field of this message, or null when the message does not define it.</summary>
    public Sip2VariableFieldDescriptor? FindField(FieldId id) => byId.TryGetValue(id, out var field) ? field : null;
}
