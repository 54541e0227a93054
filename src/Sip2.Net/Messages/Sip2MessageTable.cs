using System;
using System.Collections.Generic;
using System.Linq;

using Sip2.Net.Messages.Internal;

namespace Sip2.Net.Messages;

/// <summary>
/// The one table that describes every SIP2 2.00 message: its command code, its fixed fields (in wire order,
/// with length, kind and default) and the variable fields it knows (id, kind, required, repeatable, and
/// whether the field is a vendor extension). The parser, the formatter, strict validation, the record
/// properties and <c>docs/messages.md</c> all work from this table; nothing else knows a message's layout.
/// </summary>
public static partial class Sip2MessageTable
{
    // Command codes are two digits: tables by code are arrays of this length.
    internal const int CommandCodes = 100;

    // By command code: an array, since every parsed and every built message looks its entry up.
    private static readonly Entry?[] ByCommand = new Entry?[CommandCodes];
    private static readonly Dictionary<Type, Sip2MessageDescriptor> ByType = new();

    static Sip2MessageTable()
    {
        var all = new List<Sip2MessageDescriptor>();
        foreach (var builder in Define())
        {
            var descriptor = builder.Build();
            if (ByCommand[(int)descriptor.Command] is not null)
            {
                throw new InvalidOperationException($"The table defines {descriptor.Command} twice.");
            }

            ByCommand[(int)descriptor.Command] = new Entry(descriptor, builder.Factory);
            ByType.Add(descriptor.MessageType, descriptor);
            all.Add(descriptor);
        }

        All = all;
    }

    /// <summary>Every message, in pairs (request, response): the session messages, then patrons, then items and circulation.</summary>
    public static IReadOnlyList<Sip2MessageDescriptor> All { get; }

    /// <summary>The descriptor of a command code.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The code is not a SIP2 2.00 message.</exception>
    public static Sip2MessageDescriptor Get(Sip2Command command) =>
        Find(command) is { } entry
            ? entry.Descriptor
            : throw new ArgumentOutOfRangeException(nameof(command), command, "Not a SIP2 2.00 command code.");

    /// <summary>The descriptor of a command code, or false for a code SIP2 2.00 does not define.</summary>
    public static bool TryGet(Sip2Command command, out Sip2MessageDescriptor descriptor)
    {
        if (Find(command) is { } entry)
        {
            descriptor = entry.Descriptor;
            return true;
        }

        descriptor = null!;
        return false;
    }

    /// <summary>The descriptor of a message record type.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The type is not a message record.</exception>
    public static Sip2MessageDescriptor Get(Type messageType) =>
        messageType is not null && ByType.TryGetValue(messageType, out var descriptor)
            ? descriptor
            : throw new ArgumentOutOfRangeException(nameof(messageType), messageType, "Not a SIP2 message record type.");

    /// <summary>A new message of the given code, with the table's defaults.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The code is not a SIP2 2.00 message.</exception>
    internal static Sip2Message Create(Sip2Command command) =>
        Find(command) is { } entry
            ? entry.Factory()
            : throw new ArgumentOutOfRangeException(nameof(command), command, "Not a SIP2 2.00 command code.");

    private static Entry? Find(Sip2Command command) => (uint)command < (uint)ByCommand.Length ? ByCommand[(int)command] : null;

    private sealed record Entry(Sip2MessageDescriptor Descriptor, Func<Sip2Message> Factory);

    [Flags]
    private enum FieldOptions
    {
        None = 0,
        Required = 1,
        Repeatable = 2,
        Extension = 4,
    }

    private sealed class Builder(Sip2Command command, string specName, Type type, bool isRequest, Sip2Command? response, Func<Sip2Message> factory)
    {
        private readonly List<Sip2FixedFieldDescriptor> fixedFields = new();
        private readonly List<Sip2VariableFieldDescriptor> fields = new();
        private int offset;
        private Sip2RequestKind? request;

        public Func<Sip2Message> Factory => factory;

        // What a request is for the server: the flag that switches it on or off, and who answers it.
        public Builder Request(SupportedMessages flag, bool backend = false, bool changesState = false)
        {
            request = new Sip2RequestKind(flag, backend, changesState);
            return this;
        }

        public Builder Fixed(string property, string name, int length, Sip2FieldKind kind, Type valueType, string defaultText, string? failure = null)
        {
            fixedFields.Add(new Sip2FixedFieldDescriptor(fixedFields.Count, property, name, offset, length, kind, valueType, defaultText, failure ?? defaultText));
            offset += length;
            return this;
        }

        public Builder Field(FieldId id, string property, string name, Sip2FieldKind kind, Type valueType, FieldOptions options, int codeLength = 0, string? failure = null)
        {
            fields.Add(new Sip2VariableFieldDescriptor(fields.Count, id, property, name, kind, valueType,
                (options & FieldOptions.Required) != 0, (options & FieldOptions.Repeatable) != 0, (options & FieldOptions.Extension) != 0, codeLength, failure));
            return this;
        }

        public Sip2MessageDescriptor Build() => new(command, specName, type, isRequest, response, request, fixedFields, fields);
    }

    // The table, in three parts (Session, Patrons, Items). Fixed fields: property, spec name, length, kind, property
    // type, default text, and the text a refusal writes when it differs. Variable fields: id, property, spec name,
    // kind, property type, options, digits written (codes, counts), and the value a refusal writes. A request also
    // names its supported-messages flag and its role.
    private static IEnumerable<Builder> Define() => DefineSession().Concat(DefinePatrons()).Concat(DefineItems());
}
