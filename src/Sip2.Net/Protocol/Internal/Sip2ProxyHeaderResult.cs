using System.Net;

namespace Sip2.Net.Protocol.Internal;

/// <summary>The result of reading a PROXY protocol header.</summary>
internal readonly struct Sip2ProxyHeaderResult
{
    internal Sip2ProxyHeaderResult(IPEndPoint? source, int version, string? error)
    {
        Source = source;
        Version = version;
        Error = error;
    }

    /// <summary>
    /// The client's address as the proxy reports it, or null when the proxy speaks for itself
    /// (v1 <c>UNKNOWN</c>, v2 <c>LOCAL</c> such as a health check, or an address family other than TCP over IPv4/IPv6).
    /// </summary>
    public IPEndPoint? Source { get; }

    /// <summary>The protocol version, 1 (text) or 2 (binary).</summary>
    public int Version { get; }

    /// <summary>Why the header was refused, when it was.</summary>
    public string? Error { get; }
}
