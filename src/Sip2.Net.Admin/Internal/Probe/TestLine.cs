namespace Sip2.Net.Admin.Internal.Probe;

/// <summary>One line of a test exchange: <c>&gt;</c> sent to the server, <c>&lt;</c> received, with passwords masked.</summary>
internal sealed record TestLine(string Direction, string Wire);
