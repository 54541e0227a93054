namespace Sip2.Net.Testing.Conformance.Internal;

/// <summary>What a read found.</summary>
internal enum ReplyKind
{
    Frame,
    Closed,
    TimedOut,
}
