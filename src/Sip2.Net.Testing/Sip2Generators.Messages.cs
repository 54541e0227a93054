using System.Collections.Generic;
using System.Linq;
using System;
using FsCheck.Fluent;
using FsCheck;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Testing.Internal;

namespace Sip2.Net.Testing;

// Whole messages, from the message table: every property set, plus up to three fields no message defines.
public static partial class Sip2Generators
{
    /// <summary>
    /// A message of the descriptor's type with every property set to a generated value (<see cref="PropertyValues"/>)
    /// and up to three unknown fields (<see cref="UnknownField"/>): it writes and reads back equal in the encoding.
    /// </summary>
    public static Gen<Sip2Message> Message(Sip2MessageDescriptor descriptor, Sip2Encoding encoding)
    {
        var slots = MessageSlots.Of(descriptor ?? throw new ArgumentNullException(nameof(descriptor)));
        return from values in PropertyValues(descriptor, encoding)
               from count in Gen.Choose(0, 3)
               from unknown in Gen.ListOf(UnknownField(encoding), count)
               select slots.Build(values, unknown);
    }

    /// <summary>A message of type <typeparamref name="TMessage"/> (see <see cref="Message(Sip2MessageDescriptor, Sip2Encoding)"/>).</summary>
    public static Gen<TMessage> Message<TMessage>(Sip2Encoding encoding)
        where TMessage : Sip2Message =>
        Message(Sip2MessageTable.Get(typeof(TMessage)), encoding).Select(m => (TMessage)m);

    /// <summary>Any message of the 2.00 table, request or response.</summary>
    public static Gen<Sip2Message> AnyMessage(Sip2Encoding encoding) => OneOf(Sip2MessageTable.All, encoding);

    /// <summary>Any request (a message the SC sends).</summary>
    public static Gen<Sip2Message> Request(Sip2Encoding encoding) => OneOf(Sip2MessageTable.All.Where(d => d.IsRequest), encoding);

    /// <summary>Any response (a message the ACS sends).</summary>
    public static Gen<Sip2Message> Response(Sip2Encoding encoding) => OneOf(Sip2MessageTable.All.Where(d => !d.IsRequest), encoding);

    private static Gen<Sip2Message> OneOf(IEnumerable<Sip2MessageDescriptor> descriptors, Sip2Encoding encoding) =>
        Gen.OneOf(descriptors.Select(d => Message(d, encoding)).ToArray());
}
