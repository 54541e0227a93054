using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Sip2.Net.Messages.Internal;

namespace Sip2.Net.Messages;

/// <summary>
/// The base of every SIP2 message. A message is its command code, the texts of its fixed fields, and its
/// variable fields in wire order (known and unknown ones alike); the typed properties of each message record
/// are views over those texts, described by <see cref="Sip2MessageTable"/>. Keeping the texts means nothing a
/// client sent is lost: unknown fields, duplicates, field order and codes outside the tables all survive a
/// parse and format round trip, while the typed properties read them leniently.
/// </summary>
public abstract record Sip2Message
{
    private string[] fixedValues;
    private List<Sip2Field> fields;

    /// <summary>Starts a message with the defaults of its table entry: default fixed texts, required fields empty.</summary>
    protected Sip2Message(Sip2Command command)
    {
        Descriptor = Sip2MessageTable.Get(command);
        fixedValues = (string[])Descriptor.FixedDefaults.Clone();
        fields = new List<Sip2Field>(Descriptor.RequiredFieldsTemplate);
    }

    /// <summary>Copies a message; the copy owns its own field storage.</summary>
    protected Sip2Message(Sip2Message original)
    {
        if (original is null)
        {
            throw new ArgumentNullException(nameof(original));
        }

        Descriptor = original.Descriptor;
        fixedValues = (string[])original.fixedValues.Clone();
        fields = new List<Sip2Field>(original.fields);
    }

    /// <summary>The command code.</summary>
    public Sip2Command Command => Descriptor.Command;

    /// <summary>The table entry that describes this message.</summary>
    public Sip2MessageDescriptor Descriptor { get; }

    /// <summary>The texts of the fixed fields, in wire order.</summary>
    public IReadOnlyList<string> FixedFieldTexts => fixedValues;

    /// <summary>Every variable field, in wire order: known, extension and unknown ones.</summary>
    public IReadOnlyList<Sip2Field> Fields => fields;

    /// <summary>The variable fields this message's table entry does not define, in wire order.</summary>
    public IReadOnlyList<Sip2Field> UnknownFields => fields.FindAll(f => Descriptor.FindField(f.Id) is null);

    // The storage itself, for the writer and the server's shaping of responses.
    internal string[] FixedTextStorage => fixedValues;

    internal List<Sip2Field> FieldStorage => fields;

    // The text of the first fixed field that matches, or null: the server's failure responses and retransmission check
    // read fixed fields by name.
    internal string? FixedText(Func<Sip2FixedFieldDescriptor, bool> match) =>
        Descriptor.FixedFields.FirstOrDefault(match) is { } field ? fixedValues[field.Index] : null;

    /// <summary>The first value of a field, or null when the message does not carry it.</summary>
    public string? GetField(FieldId id)
    {
        foreach (var item in fields)
        {
            if (item.Id == id)
            {
                return item.Value;
            }
        }

        return null;
    }

    /// <summary>Every value of a field, in wire order.</summary>
    public IReadOnlyList<string> GetFields(FieldId id)
    {
        List<string>? values = null;
        foreach (var item in fields)
        {
            if (item.Id == id)
            {
                (values ??= new List<string>()).Add(item.Value);
            }
        }

        return values is null ? Array.Empty<string>() : values;
    }

    /// <summary>
    /// A copy with every value of <paramref name="id"/> replaced by <paramref name="values"/> (none removes the
    /// field). Values keep the place of the first old one, or take the field's place in specification order.
    /// This is how an extension or local field the records do not name is added.
    /// </summary>
    public Sip2Message WithFieldValues(FieldId id, params string[] values)
    {
        var copy = this with { };
        copy.SetValues(id, values);
        return copy;
    }

    /// <summary>A message of <paramref name="command"/> over texts the parser read (exactly the table's fixed fields).</summary>
    internal static Sip2Message Create(Sip2Command command, string[] fixedTexts, List<Sip2Field> variableFields)
    {
        var message = Sip2MessageTable.Create(command);
        message.fixedValues = fixedTexts;
        message.fields = variableFields;
        return message;
    }

    /// <summary>Equal when the command, every fixed text and every field (in order) are equal.</summary>
    public virtual bool Equals(Sip2Message? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || EqualityContract != other.EqualityContract
            || fixedValues.Length != other.fixedValues.Length || fields.Count != other.fields.Count)
        {
            return false;
        }

        for (var i = 0; i < fixedValues.Length; i++)
        {
            if (!string.Equals(fixedValues[i], other.fixedValues[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Id != other.fields[i].Id || !string.Equals(fields[i].Value, other.fields[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = (int)Command;
        foreach (var text in fixedValues)
        {
            hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(text);
        }

        foreach (var item in fields)
        {
            hash = (hash * 31) + item.Id.GetHashCode();
            hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(item.Value);
        }

        return hash;
    }

    /// <summary>
    /// A readable rendering for logs and debugging: the fixed fields by name and the variable fields by id,
    /// with secrets (CO, AC, AD) masked.
    /// </summary>
    public sealed override string ToString()
    {
        var text = new StringBuilder();
        text.Append(GetType().Name).Append(" (").Append(((int)Command).ToString("00", System.Globalization.CultureInfo.InvariantCulture)).Append(") {");
        var separator = " ";
        for (var i = 0; i < fixedValues.Length; i++)
        {
            text.Append(separator).Append(Descriptor.FixedFields[i].PropertyName).Append("=\"").Append(fixedValues[i]).Append('"');
            separator = ", ";
        }

        foreach (var item in fields)
        {
            text.Append(separator).Append(item.ToString());
            separator = ", ";
        }

        return text.Append(" }").ToString();
    }

    // ---- Accessors used by the records' properties: fixed fields by index -------------------------------

    /// <summary>The text of a fixed field.</summary>
    protected string GetFixed(int index) => fixedValues[index];

    /// <summary>Sets the text of a fixed field; it must have the field's exact length.</summary>
    protected void SetFixed(int index, string value)
    {
        var descriptor = Descriptor.FixedFields[index];
        if (value is null || value.Length != descriptor.Length)
        {
            throw new ArgumentException($"{descriptor.PropertyName} is a fixed field of exactly {descriptor.Length} characters.", descriptor.PropertyName);
        }

        fixedValues[index] = value;
    }

    /// <summary>A Y/N fixed field.</summary>
    protected bool GetFixedYesNo(int index) => FieldText.ReadYesNo(fixedValues[index]);

    /// <summary>Sets a Y/N fixed field.</summary>
    protected void SetFixedYesNo(int index, bool value) => fixedValues[index] = FieldText.WriteYesNo(value);

    /// <summary>A Y/N/U fixed field (U is null).</summary>
    protected bool? GetFixedYesNoUnknown(int index) => FieldText.ReadYesNoOptional(fixedValues[index]);

    /// <summary>Sets a Y/N/U fixed field (null writes U).</summary>
    protected void SetFixedYesNoUnknown(int index, bool? value) => fixedValues[index] = FieldText.WriteYesNoUnknown(value);

    /// <summary>A 1/0 fixed field.</summary>
    protected bool GetFixedOneZero(int index) => FieldText.ReadOneZero(fixedValues[index]);

    /// <summary>Sets a 1/0 fixed field.</summary>
    protected void SetFixedOneZero(int index, bool value) => fixedValues[index] = FieldText.WriteOneZero(value);

    /// <summary>A numeric fixed field (number, count or code); null when blank or not digits.</summary>
    protected int? GetFixedNumber(int index) => FieldText.ReadNumber(fixedValues[index]);

    /// <summary>Sets a numeric fixed field, zero-padded; null writes spaces.</summary>
    protected void SetFixedNumber(int index, int? value) =>
        fixedValues[index] = FieldText.WriteNumber(value, Descriptor.FixedFields[index].Length, Descriptor.FixedFields[index].PropertyName);

    /// <summary>A date fixed field; null when blank or malformed.</summary>
    protected Sip2Timestamp? GetFixedTimestamp(int index) => FieldText.ReadTimestamp(fixedValues[index]);

    /// <summary>Sets a date fixed field; null writes 18 spaces.</summary>
    protected void SetFixedTimestamp(int index, Sip2Timestamp? value) => fixedValues[index] = FieldText.WriteTimestamp(value);

    /// <summary>A positional flag field (patron status, summary) as bits.</summary>
    protected int GetFixedPositions(int index) => FieldText.ReadPositions(fixedValues[index], Descriptor.FixedFields[index].Length);

    /// <summary>Sets a positional flag field from bits; clear positions are spaces.</summary>
    protected void SetFixedPositions(int index, int bits) =>
        fixedValues[index] = FieldText.WritePositions(bits, Descriptor.FixedFields[index].Length, ' ');

    /// <summary>A one-character fixed field.</summary>
    protected char GetFixedCharacter(int index) => fixedValues[index] is { Length: > 0 } text ? text[0] : ' ';

    /// <summary>Sets a one-character fixed field.</summary>
    protected void SetFixedCharacter(int index, char value) => fixedValues[index] = FieldText.OneCharacter(value);

    // ---- Accessors used by the records' properties: variable fields by id --------------------------------

    /// <summary>A required text field: its first value, or empty when absent.</summary>
    protected string GetRequiredText(FieldId id) => GetField(id) ?? "";

    /// <summary>An optional text field: its first value, or null when absent.</summary>
    protected string? GetText(FieldId id) => GetField(id);

    /// <summary>Sets a text field; null removes it, empty keeps it present and empty.</summary>
    protected void SetText(FieldId id, string? value) => SetValues(id, value is null ? null : [value]);

    /// <summary>A repeatable text field.</summary>
    protected IReadOnlyList<string> GetTexts(FieldId id) => GetFields(id);

    /// <summary>Sets a repeatable text field (null or empty removes it).</summary>
    protected void SetTexts(FieldId id, IReadOnlyList<string>? values) => SetValues(id, values);

    /// <summary>A Y/N variable field; null when absent or not Y/N.</summary>
    protected bool? GetFlag(FieldId id) => FieldText.ReadYesNoOptional(GetField(id));

    /// <summary>Sets a Y/N variable field; null removes it.</summary>
    protected void SetFlag(FieldId id, bool? value) => SetText(id, value is null ? null : FieldText.WriteYesNo(value.Value));

    /// <summary>A numeric variable field; null when absent or not a number.</summary>
    protected int? GetNumber(FieldId id) => FieldText.ReadNumber(GetField(id));

    /// <summary>Sets a numeric variable field, zero-padded to the field's code length; null removes it.</summary>
    protected void SetNumber(FieldId id, int? value) =>
        SetText(id, value is null ? null : FieldText.WriteNumber(value, Descriptor.FindField(id)?.CodeLength ?? 0, id.ToString()));

    /// <summary>A date variable field; null when absent or malformed.</summary>
    protected Sip2Timestamp? GetTimestamp(FieldId id) => FieldText.ReadTimestamp(GetField(id));

    /// <summary>Sets a date variable field; null removes it.</summary>
    protected void SetTimestamp(FieldId id, Sip2Timestamp? value) => SetText(id, value?.ToString());

    /// <summary>An amount variable field; null when absent.</summary>
    protected Sip2Amount? GetAmount(FieldId id) => FieldText.ReadAmount(GetField(id));

    /// <summary>Sets an amount variable field; null removes it.</summary>
    protected void SetAmount(FieldId id, Sip2Amount? value) => SetText(id, value?.Text);

    /// <summary>The supported-messages field (first 16 positions); null when absent.</summary>
    protected SupportedMessages? GetSupportedMessages(FieldId id) =>
        GetField(id) is { } raw ? (SupportedMessages)FieldText.ReadPositions(raw, 16) : null;

    /// <summary>Sets the supported-messages field (16 Y/N); null removes it.</summary>
    protected void SetSupportedMessages(FieldId id, SupportedMessages? value) =>
        SetText(id, value is null ? null : FieldText.WritePositions((int)value.Value, 16, 'N'));

    // Replaces every value of a field. The new values keep the place of the first old one; a field that was absent
    // goes before the first known field that comes after it in specification order, so messages built in code come out
    // in the order the spec lists (unknown fields stay where they are).
    internal void SetValues(FieldId id, IReadOnlyList<string>? values)
    {
        var insertAt = -1;
        for (var i = fields.Count - 1; i >= 0; i--)
        {
            if (fields[i].Id == id)
            {
                fields.RemoveAt(i);
                insertAt = i;
            }
        }

        if (values is null || values.Count == 0)
        {
            return;
        }

        if (insertAt < 0)
        {
            var order = Descriptor.FindField(id)?.Order ?? int.MaxValue;
            insertAt = fields.FindIndex(f => Descriptor.FindField(f.Id) is { } other && other.Order > order);
            insertAt = insertAt < 0 ? fields.Count : insertAt;
        }

        foreach (var value in values)
        {
            fields.Insert(insertAt++, new Sip2Field(id, value ?? throw new ArgumentException("A field value cannot be null; leave the field out instead.", id.ToString())));
        }
    }
}
