using System.Collections.Generic;

namespace Sip2.Net.Configuration;

/// <summary>One listening address in configuration (<c>Endpoints:0:Address</c>, <c>Endpoints:0:Port</c>, ...).</summary>
public sealed class Sip2EndpointSettings
{
    /// <summary>The IP address to bind (<c>0.0.0.0</c> or <c>::</c> for every interface). Default: 127.0.0.1.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The port; 0 picks a free one. Default: 6001.</summary>
    public int Port { get; set; } = 6001;

    /// <summary>A PKCS#12 (.pfx) file with the private key, for TLS on this endpoint; unset for plain TCP.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>, if it has one. Never logged nor echoed in an error.</summary>
    public string? CertificatePassword { get; set; }

    /// <inheritdoc cref="Sip2.Net.Server.Sip2ListenEndpoint.ProxyProtocol"/>
    public bool ProxyProtocol { get; set; }

    /// <summary>The load balancers allowed to send a PROXY header, as addresses or networks (<c>10.0.0.0/8</c>).</summary>
    public IList<string> TrustedProxies { get; } = new List<string>();
}
