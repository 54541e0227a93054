namespace Sip2.Net.Protocol.Internal;

/// <summary>What reading a PROXY header (<see cref="Sip2ProxyHeader"/>) found.</summary>
internal enum Sip2ProxyHeaderStatus
{
    /// <summary>The header is not complete yet: read more bytes (within the deadline) and call again.</summary>
    NeedMoreData = 0,
    /// <summary>A valid header was read and consumed.</summary>
    Parsed = 1,
    /// <summary>The bytes are not a valid PROXY header (or it is longer than allowed): close the connection.</summary>
    Invalid = 2,
}
