using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sip2.Net.Server;

/// <summary>
/// The standalone SIP2 server: a socket listener per endpoint (plain TCP or TLS 1.2/1.3) feeding
/// connections to a <see cref="Sip2ConnectionHandler"/>. Works on every target framework; for Kestrel
/// hosting, see the Sip2.Net.AspNetCore package.
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
            Log.Listening(logger, local, endpoint.Certificate is null ? "tcp" : "tls");
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

        Log.Stopped(logger);
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
        while (!shutdown.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is ObjectDisposedException or SocketException or InvalidOperationException)
            {
                if (shutdown.IsCancellationRequested)
                {
                    return;
                }

                continue; // a connection that failed while being accepted
            }

            _ = Task.Run(() => ServeAsync(client, endpoint), CancellationToken.None);
        }
    }

    private async Task ServeAsync(Socket client, Sip2ListenEndpoint endpoint)
    {
        client.NoDelay = true; // one small message each way per request: do not wait to coalesce
        var peer = (IPEndPoint)client.RemoteEndPoint!;
        var remote = peer.Address;
        Stream stream = new NetworkStream(client, ownsSocket: true);
        try
        {
            if (endpoint.ProxyProtocol)
            {
                // The header comes before any TLS, straight from the proxy, so it is read from the socket
                // stream exactly: no byte past it is consumed.
                var reported = await handler.ReadProxyHeaderAsync(
                    (buffer, offset, count, token) => stream.ReadAsync(buffer, offset, count, token),
                    peer,
                    endpoint.TrustedProxies,
                    shutdown.Token).ConfigureAwait(false);
                if (reported is null)
                {
                    return;
                }

                remote = reported.Address;
            }

            if (endpoint.Certificate is { } certificate)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = tls;
                using var handshake = CancellationTokenSource.CreateLinkedTokenSource(shutdown.Token);
                handshake.CancelAfter(handler.Options.PartialMessageTimeout);
                try
                {
                    await AuthenticateAsync(tls, certificate, handshake.Token).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is AuthenticationException or IOException or OperationCanceledException or System.ComponentModel.Win32Exception or ObjectDisposedException)
                {
                    // A failed handshake costs one log line and the socket; nothing was admitted.
                    Log.TlsHandshakeFailed(logger, remote, exception.GetType().Name);
                    return;
                }
            }

            var pipe = new StreamDuplexPipe(stream);
            await handler.RunAsync(pipe, remote, shutdown.Token).ConfigureAwait(false);
        }
        finally
        {
#if NET8_0_OR_GREATER
            await stream.DisposeAsync().ConfigureAwait(false);
#else
            stream.Dispose();
#endif
        }
    }

    private static Task AuthenticateAsync(SslStream tls, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        return tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
        {
            ServerCertificate = certificate,
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            ClientCertificateRequired = false,
        }, cancellationToken);
#else
        // netstandard2.0 has no Tls13 member; 12288 is its value. Cancellation is by closing the stream.
        using (cancellationToken.Register(tls.Dispose))
        {
            return tls.AuthenticateAsServerAsync(certificate, false, SslProtocols.Tls12 | (SslProtocols)12288, false);
        }
#endif
    }

    private sealed class StreamDuplexPipe(Stream stream) : IDuplexPipe
    {
        // Zero-byte reads: a read first waits for data with an empty buffer, and takes a buffer from the pool only
        // when data has come. A kiosk is silent nearly all the time; without them every connection would hold a
        // 4 KiB buffer while it waits (and under load, the buffer a message lands in would be one of thousands,
        // out of the caches, instead of one recently returned to the pool).
        public PipeReader Input { get; } = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 4096, minimumReadSize: 1024, leaveOpen: true, useZeroByteReads: true));

        public PipeWriter Output { get; } = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
    }
}
