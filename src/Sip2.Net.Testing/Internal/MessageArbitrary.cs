using FsCheck;
using FsCheck.Fluent;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;

namespace Sip2.Net.Testing.Internal;

/// <summary>The arbitrary of one message type, IBM850 text, for <see cref="Sip2Arbitraries"/>.</summary>
internal static class MessageArbitrary
{
    public static Arbitrary<TMessage> Of<TMessage>()
        where TMessage : Sip2Message =>
        Arb.From(Sip2Generators.Message<TMessage>(Sip2Encoding.Ibm850), value => Sip2Shrinkers.Message(value));
}
