using System.Collections.Generic;
using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Sip2.Net.Server;

/// <summary>One address the standalone server listens on, optionally with TLS.</summary>
public sealed record Sip2ListenEndpoint
{
    /// <summary>The address and port; port 0 picks a free port (see <see cref="Sip2Server.BoundEndpoints"/>).</summary>
    public required IPEndPoint EndPoint { get; init; }

    /// <summary>The server certificate (with private key) for TLS on this endpoint; null for plain TCP.</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>
    /// Whether connections start with a PROXY protocol header (v1 or v2) from a load balancer. When on, the
    /// header is mandatory, is accepted only from <see cref="TrustedProxies"/>, and the address it reports is
    /// the one the access policy sees. Default: off.
    /// </summary>
    public bool ProxyProtocol { get; init; }

    /// <summary>The proxies allowed to send a PROXY header on this endpoint; a connection from anywhere else is closed.</summary>
    public IReadOnlyList<Sip2IPNetwork> TrustedProxies { get; init; } = [];

    internal const string NoAddress = "every endpoint needs an address";

    // The rules every endpoint must meet, in either host (Validate, and Kestrel's ListenSip2): what is wrong, or null.
    internal string? Problem =>
        EndPoint is null ? NoAddress
        : Certificate is { HasPrivateKey: false } ? "a TLS certificate needs its private key"
        : ProxyProtocol && TrustedProxies is not { Count: > 0 } ? "a PROXY protocol endpoint needs at least one trusted proxy"
        : null;
}
