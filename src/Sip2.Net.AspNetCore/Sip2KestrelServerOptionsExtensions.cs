using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Sip2.Net.Protocol.Internal;
using Sip2.Net.AspNetCore;
using Sip2.Net.Server;
using Sip2.Net.Server.Internal;

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
    /// Listens for SIP2 as <paramref name="endpoint"/> describes, with the standalone listener's rules: its address
    /// and port, TLS 1.2 or 1.3 when it has a <see cref="Sip2ListenEndpoint.Certificate"/>, and a mandatory PROXY
    /// header from <see cref="Sip2ListenEndpoint.TrustedProxies"/> when <see cref="Sip2ListenEndpoint.ProxyProtocol"/>
    /// is on (the address in the header is the one the access policy sees).
    /// </summary>
    /// <param name="options">Kestrel's options, as in <c>ConfigureKestrel</c>.</param>
    /// <param name="endpoint">The endpoint, as in <see cref="Sip2ServerOptions.Endpoints"/>.</param>
    /// <exception cref="ArgumentException">The endpoint has no address, a certificate without its private key, or the PROXY protocol without trusted proxies.</exception>
    public static void ListenSip2(this KestrelServerOptions options, Sip2ListenEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Problem is { } problem)
        {
            throw new ArgumentException($"The endpoint cannot be used: {problem}.", nameof(endpoint)); // the standalone listener's rules
        }

        options.Listen(endpoint.EndPoint, listen =>
        {
            // The PROXY header comes first on the wire, before any TLS, so its reader goes first.
            if (endpoint.ProxyProtocol)
            {
                listen.UseSip2ProxyProtocol(endpoint.TrustedProxies);
            }

            if (endpoint.Certificate is { } certificate)
            {
                listen.UseSip2(certificate);
            }
            else
            {
                listen.UseSip2();
            }
        });
    }

    /// <summary>
    /// Requires a PROXY protocol header (v1 or v2) at the start of every connection on this endpoint, accepted
    /// only from <paramref name="trustedProxies"/>, capped in length and read within
    /// <see cref="Sip2ServerOptions.PartialMessageTimeout"/>; the address it reports becomes the connection's
    /// remote end point, the one the access policy sees. Anything else closes the connection. Put it before
    /// <c>UseHttps</c> and <c>UseSip2</c>.
    /// </summary>
    /// <param name="listenOptions">The endpoint.</param>
    /// <param name="trustedProxies">The load balancers allowed to send the header; at least one.</param>
    /// <returns>The same endpoint, for chaining.</returns>
    public static ListenOptions UseSip2ProxyProtocol(this ListenOptions listenOptions, IReadOnlyList<Sip2IPNetwork> trustedProxies)
    {
        ArgumentNullException.ThrowIfNull(listenOptions);
        ArgumentNullException.ThrowIfNull(trustedProxies);
        if (trustedProxies.Count == 0)
        {
            throw new ArgumentException("At least one trusted proxy is needed.", nameof(trustedProxies));
        }

        var proxies = trustedProxies.ToArray(); // a later change to the caller's list does not widen the trust
        Sip2ConnectionHandler? handler = null; // the same singleton for every connection: looked up once
        listenOptions.Use(next => async connection =>
        {
            if (connection.RemoteEndPoint is not IPEndPoint peer)
            {
                await next(connection).ConfigureAwait(false); // the SIP2 handler refuses it, and says why
                return;
            }

            // The engine's reader: the standalone listener's rules, deadline and log lines. Through a stream over the
            // pipe, which consumes exactly the header: TLS or the first request stays in the pipe.
            handler ??= listenOptions.ApplicationServices.GetRequiredService<Sip2ConnectionHandler>();
            var reported = await ProxyHeaderReader.ReadAsync(connection.Transport.Input.AsStream(leaveOpen: true), peer, proxies, handler, connection.ConnectionClosed).ConfigureAwait(false);
            if (reported is null)
            {
                return; // refused and logged; returning closes the connection
            }

            connection.RemoteEndPoint = reported;
            await next(connection).ConfigureAwait(false);
        });
        return listenOptions;
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

        // Admission (and the slot against every cap) before the first byte of the handshake, as the standalone server;
        // the same floor of protocols: older ones are broken, and kiosks that need them belong behind a TLS terminator
        // that is upgraded separately.
        var options = listenOptions.ApplicationServices.GetRequiredService<Sip2ServerOptions>();
        return listenOptions
            .UseSip2AdmissionBeforeTls()
            .UseHttps(certificate, https =>
            {
                https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                https.HandshakeTimeout = options.TlsHandshakeTimeout;
            })
            .UseSip2();
    }

    private static ListenOptions UseSip2AdmissionBeforeTls(this ListenOptions listenOptions) => KestrelAdmission.Use(listenOptions);
}
