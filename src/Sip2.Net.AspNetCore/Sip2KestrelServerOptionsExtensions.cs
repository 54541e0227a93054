using System;
using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Sip2.Net.AspNetCore;

namespace Microsoft.AspNetCore.Hosting;

/// <summary>SIP2 endpoints for Kestrel, served by the engine that <c>AddSip2Server</c> registers.</summary>
public static class Sip2KestrelServerOptionsExtensions
{
    /// <summary>Listens for SIP2 over plain TCP on <paramref name="address"/>:<paramref name="port"/> (port 0 picks a free one).</summary>
    /// <param name="options">Kestrel's options, as in <c>ConfigureKestrel</c>.</param>
    /// <param name="address">The local address, e.g. <see cref="IPAddress.Any"/>.</param>
    /// <param name="port">The TCP port; 6001 is customary.</param>
    public static void ListenSip2(this KestrelServerOptions options, IPAddress address, int port)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Listen(address, port, listen => listen.UseSip2());
    }

    /// <summary>Listens for SIP2 over TLS 1.2 or 1.3 on <paramref name="address"/>:<paramref name="port"/>.</summary>
    /// <param name="options">Kestrel's options, as in <c>ConfigureKestrel</c>.</param>
    /// <param name="address">The local address, e.g. <see cref="IPAddress.Any"/>.</param>
    /// <param name="port">The TCP port.</param>
    /// <param name="certificate">The server certificate, with its private key.</param>
    public static void ListenSip2(this KestrelServerOptions options, IPAddress address, int port, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(certificate);
        options.Listen(address, port, listen => listen.UseSip2(certificate));
    }

    /// <summary>
    /// Serves SIP2 over plain TCP on an endpoint declared some other way, e.g.
    /// <c>k.ListenAnyIP(6001, l =&gt; l.UseSip2())</c>. Put any TLS (<c>UseHttps</c>) before it.
    /// </summary>
    /// <param name="listenOptions">The endpoint; it must be an IP endpoint, since clients are admitted by address.</param>
    /// <returns>The same endpoint, for chaining.</returns>
    public static ListenOptions UseSip2(this ListenOptions listenOptions)
    {
        ArgumentNullException.ThrowIfNull(listenOptions);
        listenOptions.UseConnectionHandler<Sip2KestrelConnectionHandler>();
        return listenOptions;
    }

    /// <summary>Serves SIP2 over TLS 1.2 or 1.3 on an endpoint declared some other way.</summary>
    /// <param name="listenOptions">The endpoint; it must be an IP endpoint, since clients are admitted by address.</param>
    /// <param name="certificate">The server certificate, with its private key.</param>
    /// <returns>The same endpoint, for chaining.</returns>
    public static ListenOptions UseSip2(this ListenOptions listenOptions, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(listenOptions);
        ArgumentNullException.ThrowIfNull(certificate);

        // The same floor as the standalone server: older protocols are broken, and kiosks that need them
        // belong behind a TLS terminator that is upgraded separately.
        return listenOptions
            .UseHttps(certificate, https => https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13)
            .UseSip2();
    }
}
