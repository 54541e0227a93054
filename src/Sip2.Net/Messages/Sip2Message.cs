using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using Sip2.Net.Encodings;

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
    // Set by CreateParsed/CreateLazy for the one message it constructs on this thread: the records have only
    // parameterless constructors, and building the defaults only to throw them away cost two arrays and a
    // list per parsed message.
    [ThreadStatic]
    private static bool constructingParsed;

    // A message read in lenient mode keeps a copy of its bytes (without the AY/AZ trailer) and decodes a value
    // only when a caller reads it, so parsing allocates the message and that copy and nothing else. The first
    // change, comparison or use of the storage views (Fields, FixedFieldTexts) decodes every value into the two
    // collections below ("materialises" it); the bytes are never changed, so a reader on another thread that
    // still walks them sees the same values.
    private byte[]? source;
    private Sip2Encoding? sourceEncoding;
    private byte sourceDelimiter;

    // The texts themselves. Both are null while the message is lazy; Materialize publishes `fields` last.
    private string[]? fixedValues;
    private List<Sip2Field>? fields;

    /// <summary>Starts a message with the defaults of its table entry: default fixed texts, required fields empty.</summary>
    protected Sip2Message(Sip2Command command)
    {
        Descriptor = Sip2MessageTable.Get(command);
        if (constructingParsed)
        {
            constructingParsed = false; // the parser fills the storage in straight after
            return;
        }

        // A span copy: Array.Clone goes through the runtime's general object copy, which profiles showed as most of
        // a response's construction.
        fixedValues = Descriptor.FixedDefaults.AsSpan().ToArray();
        // The required fields and room for two more (a screen message, a print line), so that the initialisers of
        // a usual response neither regrow the list nor leave most of it unused.
        var template = Descriptor.RequiredFieldsTemplate;
        fields = new List<Sip2Field>(template.Length + 2);
        fields.AddRange(template);
    }

    /// <summary>Copies a message; the copy owns its own field storage (a lazily read one shares its read-only bytes).</summary>
    protected Sip2Message(Sip2Message original)
    {
        if (original is null)
        {
            throw new ArgumentNullException(nameof(original));
        }

        Descriptor = original.Descriptor;
        if (original.IsLazy)
        {
            // The kept bytes are never written to, so the copy can share them and stay lazy too.
            source = original.source;
            sourceEncoding = original.sourceEncoding;
            sourceDelimiter = original.sourceDelimiter;
            return;
        }

        fixedValues = original.fixedValues!.AsSpan().ToArray();
        fields = new List<Sip2Field>(original.fields!);
    }

    /// <summary>The command code.</summary>
    public Sip2Command Command => Descriptor.Command;

    // The storage itself, for the writer: enumerating the public IReadOnlyList views boxes an enumerator per message.
    internal string[] FixedTextStorage => FixedStore;

    internal List<Sip2Field> FieldStorage => FieldStore;

    // The bytes a message still lazily read was parsed from (without its trailer), or null: two requests read
    // in the same encoding with equal bytes are equal messages, which the server's replay cache compares
    // cheaply. Null once materialised, since a change (in a `with` copy too) leaves the bytes behind.
    internal byte[]? SourceBytes => IsLazy ? source : null;

    // A date fixed field read without decoding the rest of the message, for the replay cache.
    internal Sip2Timestamp? FixedTimestamp(int index) => GetFixedTimestamp(index);

    // Whether the message still reads its values from the kept bytes.
    private bool IsLazy => Volatile.Read(ref fields) is null;

    // Every property read and set goes through these: the test for laziness stays here, where it is inlined.
    private string[] FixedStore
    {
        get
        {
            if (IsLazy)
            {
                Materialize();
            }

            return fixedValues!;
        }
    }

    private List<Sip2Field> FieldStore
    {
        get
        {
            if (IsLazy)
            {
                Materialize();
            }

            return fields!;
        }
    }

    /// <summary>The table entry that describes this message.</summary>
    public Sip2MessageDescriptor Descriptor { get; }

    /// <summary>The texts of the fixed fields, in wire order.</summary>
    public IReadOnlyList<string> FixedFieldTexts => FixedStore;

    /// <summary>Every variable field, in wire order: known, extension and unknown ones.</summary>
    public IReadOnlyList<Sip2Field> Fields => FieldStore;

    /// <summary>The variable fields this message's table entry does not define, in wire order.</summary>
    public IReadOnlyList<Sip2Field> UnknownFields
    {
        get
        {
            var unknown = new List<Sip2Field>();
            foreach (var item in FieldStore)
            {
                if (Descriptor.FindField(item.Id) is null)
                {
                    unknown.Add(item);
                }
            }

            return unknown;
        }
    }

    /// <summary>The first value of a field, or null when the message does not carry it.</summary>
    public string? GetField(FieldId id)
    {
        if (IsLazy)
        {
            var position = FieldsStart;
            while (NextField(ref position, out var fieldId, out var value))
            {
                if (fieldId == id)
                {
                    return FieldText.Decode(sourceEncoding!, value);
                }
            }

            return null;
        }

        foreach (var item in fields!)
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
        if (IsLazy)
        {
            var position = FieldsStart;
            while (NextField(ref position, out var fieldId, out var value))
            {
                if (fieldId == id)
                {
                    (values ??= new List<string>()).Add(FieldText.Decode(sourceEncoding!, value));
                }
            }

            return values is null ? Array.Empty<string>() : values;
        }

        foreach (var item in fields!)
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

    /// <summary>Builds a message of <paramref name="command"/> over parsed storage, without building its defaults first.</summary>
    internal static Sip2Message CreateParsed(Sip2Command command, string[] fixedTexts, List<Sip2Field> variableFields)
    {
        var message = ConstructParsed(command);
        message.fixedValues = fixedTexts;
        message.fields = variableFields;
        return message;
    }

    /// <summary>
    /// Builds a lazy message of <paramref name="command"/> over <paramref name="bytes"/>, a private copy of a
    /// frame without its trailer that the lenient parser has checked (fixed part complete or absent, no field
    /// delimiter inside it). Values are decoded from it, with the same rules as the parser, when read.
    /// </summary>
    internal static Sip2Message CreateLazy(Sip2Command command, byte[] bytes, Sip2Encoding encoding, byte delimiter)
    {
        var message = ConstructParsed(command);
        message.source = bytes;
        message.sourceEncoding = encoding;
        message.sourceDelimiter = delimiter;
        return message;
    }

    private static Sip2Message ConstructParsed(Sip2Command command)
    {
        constructingParsed = true;
        try
        {
            return Sip2MessageTable.Create(command);
        }
        finally
        {
            // Never leave the flag set for an unrelated message if the factory threw.
            constructingParsed = false;
        }
    }

    // Where the variable fields of the kept bytes start.
    private int FieldsStart => 2 + Descriptor.FixedLength;

    // The next variable field of the kept bytes at or after `position`, read exactly as the lenient parser
    // reads it: empty segments, segments without a two-character id and junk after the last delimiter are
    // skipped, the last field may lack its delimiter.
    private bool NextField(ref int position, out FieldId id, out ReadOnlySpan<byte> value)
    {
        var bytes = source!;
        while (position < bytes.Length)
        {
            var rest = bytes.AsSpan(position);
            var length = rest.IndexOf(sourceDelimiter);
            if (length < 0)
            {
                length = rest.Length;
            }

            position += length + 1;
            if (length >= 2 && FieldId.TryCreate(rest[0], rest[1], out id))
            {
                value = rest.Slice(2, length - 2);
                return true;
            }
        }

        id = default;
        value = default;
        return false;
    }

    // The bytes of a fixed field of the kept bytes, or false when the message ended before it (the parser
    // only accepts a fixed part that is complete or that stops at a field boundary).
    private bool TryGetLazyFixed(int index, out ReadOnlySpan<byte> bytes)
    {
        var field = Descriptor.FixedFields[index];
        var start = 2 + field.Offset;
        if (start + field.Length <= source!.Length)
        {
            bytes = source.AsSpan(start, field.Length);
            return true;
        }

        bytes = default;
        return false;
    }

    // A fixed field of a lazy message widened into `destination` (its length) when every byte is ASCII, which
    // reads the same in every SIP2 encoding: typed reads of numbers, dates and flag positions then allocate
    // nothing. False for a materialised message, a field the message ended before, or non-ASCII bytes.
    private bool TryReadAsciiFixed(int index, Span<char> destination)
    {
        if (!IsLazy || !TryGetLazyFixed(index, out var bytes))
        {
            return false;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] >= 0x80)
            {
                return false;
            }

            destination[i] = (char)bytes[i];
        }

        return true;
    }

    private string LazyFixedText(int index) =>
        TryGetLazyFixed(index, out var bytes) ? FieldText.Decode(sourceEncoding!, bytes) : Descriptor.FixedFields[index].DefaultText;

    // Turns a lazy message into its texts, decoding every value once, as the eager parser did. Safe when two
    // threads race here: both build the same texts, and `fields` is published after `fixedValues`.
    private void Materialize()
    {
        if (!IsLazy)
        {
            return;
        }

        var texts = new string[Descriptor.FixedFields.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = LazyFixedText(i);
        }

        var list = new List<Sip2Field>(CountFields());
        var position = FieldsStart;
        while (NextField(ref position, out var id, out var value))
        {
            list.Add(new Sip2Field(id, FieldText.Decode(sourceEncoding!, value)));
        }

        fixedValues = texts;
        Volatile.Write(ref fields, list);
    }

    private int CountFields()
    {
        var count = 0;
        var position = FieldsStart;
        while (NextField(ref position, out _, out _))
        {
            count++;
        }

        return count;
    }

    /// <summary>Equal when the command, every fixed text and every field (in order) are equal.</summary>
    public virtual bool Equals(Sip2Message? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || EqualityContract != other.EqualityContract)
        {
            return false;
        }

        var myFixed = FixedStore;
        var otherFixed = other.FixedStore;
        var myFields = FieldStore;
        var otherFields = other.FieldStore;
        if (myFixed.Length != otherFixed.Length || myFields.Count != otherFields.Count)
        {
            return false;
        }

        for (var i = 0; i < myFixed.Length; i++)
        {
            if (!string.Equals(myFixed[i], otherFixed[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        for (var i = 0; i < myFields.Count; i++)
        {
            if (myFields[i].Id != otherFields[i].Id || !string.Equals(myFields[i].Value, otherFields[i].Value, StringComparison.Ordinal))
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
        foreach (var text in FixedStore)
        {
            hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(text);
        }

        foreach (var item in FieldStore)
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
        var first = true;
        var texts = FixedStore;
        for (var i = 0; i < texts.Length; i++)
        {
            text.Append(first ? " " : ", ").Append(Descriptor.FixedFields[i].PropertyName).Append("=\"").Append(texts[i]).Append('"');
            first = false;
        }

        foreach (var item in FieldStore)
        {
            text.Append(first ? " " : ", ").Append(item.ToString());
            first = false;
        }

        return text.Append(" }").ToString();
    }

    // ---- Accessors used by the records' properties: fixed fields by index -------------------------------

    /// <summary>The text of a fixed field.</summary>
    protected string GetFixed(int index) => IsLazy ? LazyFixedText(index) : fixedValues![index];

    /// <summary>Sets the text of a fixed field; it must have the field's exact length.</summary>
    protected void SetFixed(int index, string value)
    {
        var descriptor = Descriptor.FixedFields[index];
        if (value is null || value.Length != descriptor.Length)
        {
            throw new ArgumentException($"{descriptor.PropertyName} is a fixed field of exactly {descriptor.Length} characters.", descriptor.PropertyName);
        }

        FixedStore[index] = value;
    }

    /// <summary>A Y/N fixed field.</summary>
    protected bool GetFixedYesNo(int index) => FieldText.ReadYesNo(GetFixed(index));

    /// <summary>Sets a Y/N fixed field.</summary>
    protected void SetFixedYesNo(int index, bool value) => FixedStore[index] = FieldText.WriteYesNo(value);

    /// <summary>A Y/N/U fixed field (U is null).</summary>
    protected bool? GetFixedYesNoUnknown(int index) => FieldText.ReadYesNoOptional(GetFixed(index));

    /// <summary>Sets a Y/N/U fixed field (null writes U).</summary>
    protected void SetFixedYesNoUnknown(int index, bool? value) => FixedStore[index] = FieldText.WriteYesNoUnknown(value);

    /// <summary>A 1/0 fixed field.</summary>
    protected bool GetFixedOneZero(int index) => FieldText.ReadOneZero(GetFixed(index));

    /// <summary>Sets a 1/0 fixed field.</summary>
    protected void SetFixedOneZero(int index, bool value) => FixedStore[index] = FieldText.WriteOneZero(value);

    /// <summary>A numeric fixed field (number, count or code); null when blank or not digits.</summary>
    protected int? GetFixedNumber(int index)
    {
        Span<char> chars = stackalloc char[Descriptor.FixedFields[index].Length];
        return TryReadAsciiFixed(index, chars) ? FieldText.ReadNumber(chars) : FieldText.ReadNumber(GetFixed(index));
    }

    /// <summary>Sets a numeric fixed field, zero-padded; null writes spaces.</summary>
    protected void SetFixedNumber(int index, int? value) =>
        FixedStore[index] = FieldText.WriteNumber(value, Descriptor.FixedFields[index].Length, Descriptor.FixedFields[index].PropertyName);

    /// <summary>A date fixed field; null when blank or malformed.</summary>
    protected Sip2Timestamp? GetFixedTimestamp(int index)
    {
        Span<char> chars = stackalloc char[Descriptor.FixedFields[index].Length];
        return TryReadAsciiFixed(index, chars)
            ? Sip2Timestamp.TryParse(chars, out var value) ? value : null
            : FieldText.ReadTimestamp(GetFixed(index));
    }

    /// <summary>Sets a date fixed field; null writes 18 spaces.</summary>
    protected void SetFixedTimestamp(int index, Sip2Timestamp? value) => FixedStore[index] = FieldText.WriteTimestamp(value);

    /// <summary>A positional flag field (patron status, summary) as bits.</summary>
    protected int GetFixedPositions(int index)
    {
        var length = Descriptor.FixedFields[index].Length;
        Span<char> chars = stackalloc char[length];
        return TryReadAsciiFixed(index, chars) ? FieldText.ReadPositions(chars, length) : FieldText.ReadPositions(GetFixed(index), length);
    }

    /// <summary>Sets a positional flag field from bits; clear positions are spaces.</summary>
    protected void SetFixedPositions(int index, int bits) =>
        FixedStore[index] = FieldText.WritePositions(bits, Descriptor.FixedFields[index].Length, ' ');

    /// <summary>A one-character fixed field.</summary>
    protected char GetFixedCharacter(int index) => GetFixed(index) is { Length: > 0 } text ? text[0] : ' ';

    /// <summary>Sets a one-character fixed field.</summary>
    protected void SetFixedCharacter(int index, char value) => FixedStore[index] = FieldText.OneCharacter(value);

    // ---- Accessors used by the records' properties: variable fields by id --------------------------------

    /// <summary>A required text field: its first value, or empty when absent.</summary>
    protected string GetRequiredText(FieldId id) => GetField(id) ?? "";

    /// <summary>An optional text field: its first value, or null when absent.</summary>
    protected string? GetText(FieldId id) => GetField(id);

    /// <summary>Sets a text field; null removes it, empty keeps it present and empty.</summary>
    protected void SetText(FieldId id, string? value)
    {
        // One value is the common case (every non-repeatable field): no one-element array per property set.
        var list = FieldStore;
        var at = IndexOfOnly(list, id);
        if (value is not null && at >= 0)
        {
            // The field is there once (a required field of a new message, always): its value is replaced in place.
            list[at] = new Sip2Field(id, value);
            return;
        }

        // Absent (an optional field of a new message, usually): nothing to remove.
        var insertAt = at == Absent ? -1 : RemoveAll(id);
        if (value is not null)
        {
            list.Insert(insertAt < 0 ? InsertPosition(id) : insertAt, new Sip2Field(id, value));
        }
    }

    private const int Absent = -1;
    private const int Repeated = -2;

    // Where the field stands when it is in the list exactly once; Absent or Repeated otherwise.
    private static int IndexOfOnly(List<Sip2Field> list, FieldId id)
    {
        var found = Absent;
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Id == id)
            {
                if (found >= 0)
                {
                    return Repeated;
                }

                found = i;
            }
        }

        return found;
    }

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

    // Removes every value of a field; returns where the first one stood, or -1.
    private int RemoveAll(FieldId id)
    {
        var insertAt = -1;
        var list = FieldStore;
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (list[i].Id == id)
            {
                list.RemoveAt(i);
                insertAt = i;
            }
        }

        return insertAt;
    }

    private void SetValues(FieldId id, IReadOnlyList<string>? values)
    {
        var insertAt = RemoveAll(id);

        if (values is null || values.Count == 0)
        {
            return;
        }

        if (insertAt < 0)
        {
            insertAt = InsertPosition(id);
        }

        foreach (var value in values)
        {
            if (value is null)
            {
                throw new ArgumentException("A field value cannot be null; leave the field out instead.", id.ToString());
            }

            FieldStore.Insert(insertAt++, new Sip2Field(id, value));
        }
    }

    // A new field goes before the first known field that comes after it in specification order, so messages
    // built in code come out in the order the spec lists; unknown fields stay where they are.
    private int InsertPosition(FieldId id)
    {
        var order = Descriptor.FindField(id)?.Order ?? int.MaxValue;
        var list = FieldStore;
        for (var i = 0; i < list.Count; i++)
        {
            if (Descriptor.FindField(list[i].Id) is { } other && other.Order > order)
            {
                return i;
            }
        }

        return list.Count;
    }
}
