namespace Sip2.Net.Messages.Internal;

// What the message table says of a request: the supported-messages flag that gates it, whether the back end answers
// it (the server answers Login, SC Status and resends itself), and whether it changes the library's state (so a
// retransmission of it must not run twice).
internal readonly record struct Sip2RequestKind(SupportedMessages Flag, bool Backend, bool ChangesState);
