using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sip2.Net.Protocol.Internal;
using Sip2.Net.Diagnostics.Internal;
using Sip2.Net.Server.Internal;
using Sip2.Net.Internal;

namespace Sip2.Net.Server;

/// <summary>
/// The standalone SIP2 server: a socket listener per endpoint (plain TCP or TLS 1.2/1.3) feeding connections to a
/// <see cref="Sip2ConnectionHandler"/>. A connection is admitted by its address (after a trusted proxy's PROXY
/// header, when the endpoint takes one) and counted against every cap before the first byte of a TLS handshake, so
/// an unregistered address never costs a handshake. Works on every target framework; for Kestrel hosting, see the
/// Sip2.Net.AspNetCore package.
/// </summary>
public sealed class Sip2Server : IAsyncDisposable
{
    private readonly Sip2ConnectionHandler handler;
    private readonly ILogger logger;
    private readonly List<Socket> listeners = new();
    private readonly List<Task> acceptLoops = new();
    private readonly List<IPEndPoint> bound = new();
    private readonly CancellationTokenSource shutdown = new();
    private int started;

    /// <summary>Creates a server over <paramref name="handler"/>, listening on <see cref="Sip2ServerOptions.Endpoints"/> of the handler's options.</summary>
    public Sip2Server(Sip2ConnectionHandler handler, ILoggerFactory? loggerFactory = null)
    {
        this.handler = handler ?? throw new ArgumentNullException(nameof(handler));
        logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Sip2.Net.Server");
    }

    /// <summary>The addresses actually bound (with the real port when port 0 was asked for), in endpoint order.</summary>
    public IReadOnlyList<IPEndPoint> BoundEndpoints => bound;

    /// <summary>The connection engine.</summary>
    public Sip2ConnectionHandler Handler => handler;

    /// <summary>Binds every endpoint and starts accepting connections.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref started, 1) != 0)
        {
            throw new InvalidOperationException("The server is already started.");
        }

        foreach (var endpoint in handler.Options.Endpoints)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var socket = new Socket(endpoint.EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(endpoint.EndPoint);
                socket.Listen(512);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            listeners.Add(socket);
            var local = (IPEndPoint)socket.LocalEndPoint!;
            bound.Add(local);
            ServerLog.Listening(logger, local, endpoint.Certificate is null ? "tcp" : "tls");
            acceptLoops.Add(Task.Run(() => AcceptLoopAsync(socket, endpoint), CancellationToken.None));
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops accepting, lets requests in flight finish, closes sessions; connections still open after the
    /// shutdown timeout (or when <paramref name="cancellationToken"/> fires) are cut off.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        shutdown.Cancel();
        foreach (var listener in listeners)
        {
            listener.Dispose();
        }

        await handler.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Task.WhenAll(acceptLoops).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ObjectDisposedException or SocketException or OperationCanceledException)
        {
        }

        ServerLog.Stopped(logger);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!shutdown.IsCancellationRequested)
        {
            await StopAsync().ConfigureAwait(false);
        }

        shutdown.Dispose();
    }

    private async Task AcceptLoopAsync(Socket listener, Sip2ListenEndpoint endpoint)
    {
        var backoff = TimeSpan.Zero;
        while (!shutdown.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync().ConfigureAwait(false);
            }
            catch (SocketException exception) when (exception.SocketErrorCode is SocketError.TooManyOpenSockets or SocketError.NoBufferSpaceAvailable)
            {
                // Out of file descriptors (EMFILE, ENFILE): spinning on accept would burn a core and starve the
                // connections being served; wait, longer each time, and say so once per episode.
                if (backoff == TimeSpan.Zero)
                {
                    ServerLog.AcceptPaused(logger, exception.SocketErrorCode);
                }

                backoff = TimeSpan.FromMilliseconds(Math.Min(1000, Math.Max(10, backoff.TotalMilliseconds * 2)));
                await TimeProviderDelay.WaitAsync(handler.TimeProvider, backoff, shutdown.Token).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
                continue;
            }
            catch (Exception exception) when (exception is ObjectDisposedException or SocketException or InvalidOperationException)
            {
                if (shutdown.IsCancellationRequested)
                {
                    return;
                }

                continue; // a connection that failed while being accepted
            }

            if (backoff != TimeSpan.Zero)
            {
                backoff = TimeSpan.Zero;
                ServerLog.AcceptResumed(logger);
            }

            _ = Task.Run(() => ServeAsync(client, endpoint), CancellationToken.None);
        }
    }

    private async Task ServeAsync(Socket client, Sip2ListenEndpoint endpoint)
    {
        client.NoDelay = true; // one small message each way per request: do not wait to coalesce
        var peer = (IPEndPoint)client.RemoteEndPoint!;
        Stream stream = new NetworkStream(client, ownsSocket: true);
        Sip2Connection? connection = null;
        try
        {
            var remote = peer.Address;
            if (endpoint.ProxyProtocol)
            {
                // The header comes before any TLS, straight from the proxy, so it is read from the socket exactly.
                var reported = await ProxyHeaderReader.ReadAsync(stream, peer, endpoint.TrustedProxies, handler, shutdown.Token).ConfigureAwait(false);
                if (reported is null)
                {
                    return;
                }

                remote = reported.Address;
            }

            connection = await handler.AdmitAsync(remote, CancellationToken.None).ConfigureAwait(false);
            if (connection is null)
            {
                return; // refused before a byte of TLS
            }

            if (endpoint.Certificate is { } certificate)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = tls;
                if (!await HandshakeAsync(tls, certificate, connection).ConfigureAwait(false))
                {
                    return;
                }
            }

            var current = connection;
            connection = null; // from here RunAsync releases it
            await handler.RunAdmittedAsync(current, new StreamDuplexPipe(stream)).ConfigureAwait(false);
        }
        finally
        {
            if (connection is not null)
            {
                handler.Release(connection, "closed before the session started");
                connection.Dispose();
            }

#if NET8_0_OR_GREATER
            await stream.DisposeAsync().ConfigureAwait(false);
#else
            stream.Dispose();
#endif
        }
    }

    // The TLS handshake of an admitted connection: within the handshake cap and TlsHandshakeTimeout, and ended by an
    // abort (eviction, stop). False when it failed; that costs one log line and the socket.
    private async Task<bool> HandshakeAsync(SslStream tls, X509Certificate2 certificate, Sip2Connection connection)
    {
        if (!handler.Limits.TryStartHandshake())
        {
            handler.Refused(connection.Address, "too many TLS handshakes in progress");
            return false;
        }

        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(connection.Aborted, shutdown.Token);
            using var timer = handler.TimeProvider.CreateTimer(static s => ((CancellationTokenSource)s!).Cancel(), deadline, handler.Options.TlsHandshakeTimeout, Timeout.InfiniteTimeSpan);
            await AuthenticateAsync(tls, certificate, deadline.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is AuthenticationException or IOException or OperationCanceledException or System.ComponentModel.Win32Exception or ObjectDisposedException)
        {
            ServerLog.TlsHandshakeFailed(logger, connection.Address, exception.GetType().Name);
            return false;
        }
        finally
        {
            handler.Limits.EndHandshake();
        }
    }

    private static async Task AuthenticateAsync(SslStream tls, X509Certificate2 certificate, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
        {
            ServerCertificate = certificate,
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            ClientCertificateRequired = false,
        }, cancellationToken).ConfigureAwait(false);
#else
        // netstandard2.0 has no cancellable handshake and no Tls13 member (12288 is its value): the deadline closes the
        // stream under the handshake, and the registration lives as long as the handshake does.
        using (cancellationToken.Register(static s => ((SslStream)s!).Dispose(), tls))
        {
            await tls.AuthenticateAsServerAsync(certificate, false, SslProtocols.Tls12 | (SslProtocols)12288, false).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
#endif
    }

    private sealed class StreamDuplexPipe(Stream stream) : IDuplexPipe
    {
        // Zero-byte reads: a read first waits for data with an empty buffer, and takes a buffer from the pool only
        // when data has come. A kiosk is silent nearly all the time; without them every connection would hold a
        // 4 KiB buffer while it waits.
        public PipeReader Input { get; } = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 4096, minimumReadSize: 1024, leaveOpen: true, useZeroByteReads: true));

        public PipeWriter Output { get; } = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
    }
}
