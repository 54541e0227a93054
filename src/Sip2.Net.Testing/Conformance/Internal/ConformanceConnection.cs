using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Protocol;

namespace Sip2.Net.Testing.Conformance.Internal;

/// <summary>
/// A raw connection to the server under test: bytes go out exactly as a check writes them, each as one write (one
/// segment, Nagle off), and answers are framed as they arrive, however the server splits or joins them.
/// </summary>
internal sealed class ConformanceConnection : IAsyncDisposable
{
    // Far above any real response; an answer longer than this is itself a failure, not something to buffer.
    private const int MaxResponseLength = 1024 * 1024;

    private readonly Socket socket;
    private readonly Stream stream;
    private readonly byte[] chunk = new byte[16 * 1024];
    private byte[] pending = [];

    private ConformanceConnection(Socket socket, Stream stream)
    {
        this.socket = socket;
        this.stream = stream;
    }

    public static async Task<ConformanceConnection> OpenAsync(Sip2ConformanceOptions options, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(options.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(options.Host, cancellationToken);
        var address = Array.Find(addresses, a => options.LocalAddress is null || a.AddressFamily == options.LocalAddress.AddressFamily) ?? addresses[0];
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (options.LocalAddress is { } local)
            {
                socket.Bind(new IPEndPoint(local, 0));
            }

            using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connect.CancelAfter(options.ConnectTimeout);
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(address, options.Port), connect.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"no connection to {options.Host}:{options.Port} within {options.ConnectTimeout.TotalSeconds:0.#} s");
                }
            }

            Stream stream = new NetworkStream(socket, ownsSocket: false);
            if (options.UseTls)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false, options.RemoteCertificateValidationCallback);
                stream = tls;
                using var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                handshake.CancelAfter(options.ConnectTimeout); // a server that takes the connection but never answers the handshake
                try
                {
                    await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = options.TlsTargetHost ?? options.Host }, handshake.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await tls.DisposeAsync();
                    throw new TimeoutException($"no TLS handshake with {options.Host}:{options.Port} within {options.ConnectTimeout.TotalSeconds:0.#} s");
                }
            }

            return new ConformanceConnection(socket, stream);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Writes the bytes as one write; false when the server has closed the connection.</summary>
    public async Task<bool> SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        try
        {
            await stream.WriteAsync(bytes, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>The next answer, the end of the connection, or nothing within <paramref name="timeout"/>.</summary>
    public async Task<Reply> ReadAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            var buffer = new ReadOnlySequence<byte>(pending);
            var status = Sip2FrameReader.TryReadFrame(ref buffer, MaxResponseLength, out var frame);
            if (status == Sip2FrameStatus.Frame)
            {
                var answer = frame.ToArray();
                pending = buffer.ToArray();
                return Reply.Of(answer);
            }

            if (status == Sip2FrameStatus.TooLong)
            {
                return Reply.Closed; // not a SIP2 answer: treated as the end of the conversation
            }

            pending = buffer.ToArray();
            int read;
            try
            {
                read = await stream.ReadAsync(chunk, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Reply.TimedOut;
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
            {
                return Reply.Closed;
            }

            if (read == 0)
            {
                return Reply.Closed;
            }

            pending = [.. pending, .. chunk.AsSpan(0, read)];
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await stream.DisposeAsync();
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            // Closing a connection the server reset.
        }

        socket.Dispose();
    }
}
