using System;
using System.Collections.Generic;
using Sip2.Net.Messages.Internal;

namespace Sip2.Net.Messages;

/// <summary>Everything the codec knows about one message: its code, its fixed fields and its variable fields.</summary>
public sealed class Sip2MessageDescriptor
{
    private readonly Dictionary<FieldId, Sip2VariableFieldDescriptor> byId = new();

    internal Sip2MessageDescriptor(Sip2Command command, string specName, Type messageType, bool fromSc, Sip2Command? response, Sip2RequestKind? request, IReadOnlyList<Sip2FixedFieldDescriptor> fixedFields, IReadOnlyList<Sip2VariableFieldDescriptor> fields)
    {
        Command = command;
        SpecName = specName;
        MessageType = messageType;
        IsRequest = fromSc;
        ResponseCommand = response;
        SupportedFlag = request?.Flag ?? SupportedMessages.None;
        IsBackendRequest = request?.Backend ?? false;
        ChangesState = request?.ChangesState ?? false;
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

    /// <summary>
    /// For a request, the supported-messages flag (BX position) that switches it on or off in a branch's configuration;
    /// <see cref="SupportedMessages.None"/> for a response.
    /// </summary>
    public SupportedMessages SupportedFlag { get; }

    /// <summary>
    /// Whether the back end (ISip2Backend) answers this request. The server answers Login (93), SC Status (99) and
    /// Request ACS Resend (97) itself; every back-end request has a well-formed refusal built from the response's
    /// <see cref="Sip2FixedFieldDescriptor.FailureText"/> and <see cref="Sip2VariableFieldDescriptor.FailureValue"/>.
    /// </summary>
    public bool IsBackendRequest { get; }

    /// <summary>
    /// Whether the request changes the library's state (checkout, checkin, renew, renew all, fee paid, hold, block patron,
    /// patron enable, item status update), so that a retransmission of it is answered from its first outcome, never run twice.
    /// </summary>
    public bool ChangesState { get; }

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
