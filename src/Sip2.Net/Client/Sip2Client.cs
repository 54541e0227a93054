using System;
using System.Buffers;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;
using Sip2.Net.Client.Internal;
using Sip2.Net.Diagnostics.Internal;

namespace Sip2.Net.Client;

/// <summary>
/// A SIP2 client (SC) on one connection to an ACS: one request in flight at a time (concurrent callers wait
/// their turn), sequence numbers and checksums when error detection is on, a 97 for a corrupted response and
/// a resend after a 96, both within <see cref="Sip2ClientOptions.RetryBudget"/>.
/// </summary>
/// <remarks>
/// Failures are reported as <see cref="Sip2ConnectionException"/>, <see cref="Sip2TimeoutException"/>,
/// <see cref="Sip2ProtocolException"/> and <see cref="Sip2LoginRefusedException"/>, all
/// <see cref="Sip2Exception"/>s; cancellation as <see cref="OperationCanceledException"/>. A timeout, a
/// cancellation during an exchange, or a lost connection closes the connection (a late response would
/// otherwise answer the next request); <see cref="ConnectAsync"/> opens a new one.
/// </remarks>
public sealed partial class Sip2Client : IAsyncDisposable
{
    private readonly Sip2CodecOptions codec;
    private readonly ILogger logger;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly byte[] requestAcsResend;
    private readonly Sip2ClientMetrics metrics;
    private ClientConnection? connection;
    private int sequence;
    private bool disposed;

    /// <summary>Creates a client; nothing is connected until <see cref="ConnectAsync"/>.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public Sip2Client(Sip2ClientOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        codec = options.ToCodecOptions();
        logger = options.Logger ?? NullLogger.Instance;
        requestAcsResend = Sip2MessageWriter.ToBytes(new RequestAcsResend(), codec, Sip2Trailer.WithChecksum());
        metrics = Sip2ClientMetrics.Create(options.MeterFactory);
    }

    /// <summary>The options the client was created with.</summary>
    public Sip2ClientOptions Options { get; }

    /// <summary>Whether a connection is open (as far as the client knows: a peer's close is seen on the next read).</summary>
    public bool IsConnected => Volatile.Read(ref connection) is not null;

    /// <summary>Opens the connection (TCP, then TLS when configured), closing any previous one. Sequence numbers restart at 0.</summary>
    /// <exception cref="Sip2ConnectionException">The connection could not be opened.</exception>
    /// <exception cref="Sip2TimeoutException">Connecting took longer than <see cref="Sip2ClientOptions.ConnectTimeout"/>.</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Close();
            Log.Connecting(logger, Options.Host, Options.Port, Options.UseTls);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Options.ConnectTimeout);
            Socket? socket = null;
            Stream? stream = null;
            try
            {
                if (Options.LocalAddress is { } local)
                {
                    socket = new Socket(local.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    socket.Bind(new System.Net.IPEndPoint(local, 0)); // an address this machine lacks: SocketException, as below
                }
                else
                {
                    socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                }

                // Disposing the socket is what interrupts a connect or handshake on every target framework.
                using (timeout.Token.Register(static s => ((Socket)s!).Dispose(), socket))
                {
#if NET8_0_OR_GREATER
                    await socket.ConnectAsync(Options.Host, Options.Port, timeout.Token).ConfigureAwait(false);
#else
                    await socket.ConnectAsync(Options.Host, Options.Port).ConfigureAwait(false);
#endif
                    stream = new NetworkStream(socket, ownsSocket: true);
                    if (Options.UseTls)
                    {
                        var tls = new SslStream(stream, leaveInnerStreamOpen: false, Options.RemoteCertificateValidationCallback);
                        stream = tls;
#if NET8_0_OR_GREATER
                        await tls.AuthenticateAsClientAsync(
                            new SslClientAuthenticationOptions { TargetHost = Options.TlsTargetHost ?? Options.Host }, timeout.Token).ConfigureAwait(false);
#else
                        await tls.AuthenticateAsClientAsync(Options.TlsTargetHost ?? Options.Host).ConfigureAwait(false);
#endif
                    }
                }

                timeout.Token.ThrowIfCancellationRequested();
            }
            catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException or OperationCanceledException or AuthenticationException)
            {
                (stream ?? (IDisposable?)socket)?.Dispose();
                cancellationToken.ThrowIfCancellationRequested();
                if (timeout.IsCancellationRequested)
                {
                    Log.ConnectFailed(logger, Options.Host, Options.Port, "timeout");
                    throw new Sip2TimeoutException($"Connecting to {Options.Host}:{Options.Port} took longer than {Options.ConnectTimeout}.", e);
                }

                Log.ConnectFailed(logger, Options.Host, Options.Port, e.Message);
                var what = e is AuthenticationException ? "The TLS handshake with" : "Could not connect to";
                throw new Sip2ConnectionException($"{what} {Options.Host}:{Options.Port} failed: {e.Message}", e);
            }

            Volatile.Write(ref connection, new ClientConnection(socket, stream!, Options.MaxMessageLength));
            sequence = 0;
            Log.Connected(logger, Options.Host, Options.Port);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Sends a fully built request and returns the response, checked to be the one the request calls for
    /// (a Patron Status Response for Block Patron). The request's trailer is added here.
    /// </summary>
    /// <exception cref="Sip2ProtocolException">The response could not be read or is of another type.</exception>
    public async Task<Sip2Message> SendAsync(Sip2Message request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var started = metrics.Start(Options.TimeProvider);
        try
        {
            var response = await SendCheckedAsync(request, cancellationToken).ConfigureAwait(false);
            metrics.Completed(request.Command, Options.TimeProvider, started, null);
            return response;
        }
        catch (Exception e)
        {
            metrics.Completed(request.Command, Options.TimeProvider, started, e);
            throw;
        }
    }

    private async Task<Sip2Message> SendCheckedAsync(Sip2Message request, CancellationToken cancellationToken)
    {
        var (_, result) = await ExchangeAsync(
            ay => Sip2MessageWriter.ToBytes(request, codec, ay is { } n ? Sip2Trailer.WithChecksum(n) : Sip2Trailer.None),
            request.Command, Options.ErrorDetection, cancellationToken).ConfigureAwait(false);
        if (result.Message is not { } response)
        {
            Log.UnparseableResponse(logger, result.Error!.ToString());
            throw new Sip2ProtocolException(Sip2ProtocolFailure.UnparseableResponse,
                $"The response to {request.Descriptor.SpecName} could not be read: {result.Error}", result.Command, result.Error);
        }

        if (request.Descriptor.ResponseCommand is { } expected && response.Command != expected)
        {
            throw Unexpected(request.Descriptor.SpecName, Sip2MessageTable.Get(expected).SpecName, response);
        }

        return response;
    }

    /// <summary>Sends a fully built request and returns its response as <typeparamref name="TResponse"/>.</summary>
    /// <exception cref="Sip2ProtocolException">The response could not be read or is not a <typeparamref name="TResponse"/>.</exception>
    public async Task<TResponse> SendAsync<TResponse>(Sip2Message request, CancellationToken cancellationToken = default)
        where TResponse : Sip2Message
    {
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response as TResponse
            ?? throw Unexpected(request.Descriptor.SpecName, Sip2MessageTable.Get(typeof(TResponse)).SpecName, response);
    }

    /// <summary>
    /// Sends a hand-written message (without terminator) and returns the response as text and as parsed; an
    /// unreadable response is not an error here. With <paramref name="addTrailer"/>, the client's next sequence
    /// number and a checksum are appended. 96 and 97 are handled as for any request.
    /// </summary>
    /// <exception cref="ArgumentException">The message is empty or contains a CR or LF.</exception>
    public async Task<Sip2RawResponse> SendRawAsync(string message, bool addTrailer = false, CancellationToken cancellationToken = default)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        var text = message.TrimEnd('\r', '\n');
        if (text.Length == 0 || text.IndexOfAny(['\r', '\n']) >= 0)
        {
            throw new ArgumentException("A raw message is one non-empty line.", nameof(message));
        }

        Sip2Command? command = text.Length >= 2 && char.IsDigit(text[0]) && char.IsDigit(text[1])
            ? (Sip2Command)(((text[0] - '0') * 10) + (text[1] - '0'))
            : null;
        var started = metrics.Start(Options.TimeProvider);
        try
        {
            var (frame, result) = await ExchangeAsync(ay => EncodeRaw(text, ay), command, addTrailer, cancellationToken).ConfigureAwait(false);
            metrics.Completed(command, Options.TimeProvider, started, null);
            return new Sip2RawResponse(Options.Encoding.GetString(frame), result);
        }
        catch (Exception e)
        {
            metrics.Completed(command, Options.TimeProvider, started, e);
            throw;
        }
    }

    /// <summary>Closes the connection. The client can be connected again until it is disposed.</summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Close();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Closes the connection; an exchange in progress fails with <see cref="Sip2ConnectionException"/>.</summary>
    public ValueTask DisposeAsync()
    {
        disposed = true;
        Close();
        return default;
    }

    private static Sip2ProtocolException Unexpected(string request, string expected, Sip2Message response) =>
        new(Sip2ProtocolFailure.UnexpectedResponse,
            $"{request} was answered with {response.Descriptor.SpecName} ({(int)response.Command:00}), not {expected}.", response.Command);

    private void Close(ClientConnection? only = null)
    {
        var current = Volatile.Read(ref connection);
        if (current is null || (only is not null && !ReferenceEquals(current, only)))
        {
            only?.Dispose();
            return;
        }

        if (Interlocked.CompareExchange(ref connection, null, current) == current)
        {
            current.Dispose();
            Log.Disconnected(logger, Options.Host, Options.Port);
        }
    }

    private void ThrowIfDisposed()
    {
        if (disposed)
        {
            throw new ObjectDisposedException(nameof(Sip2Client));
        }
    }
}
