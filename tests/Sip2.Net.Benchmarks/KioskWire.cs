using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Benchmarks;

/// <summary>
/// The kiosk side of the visit, storm and stress tools: the frames they send, connecting from a chosen loopback
/// address, TLS with a pinned certificate, and one request with its answer. Bytes, not <c>Sip2Client</c>, so that
/// the attacks can send what no client would, and the client's own cost stays small.
/// </summary>
internal static class KioskWire
{
    // IP_BIND_ADDRESS_NO_PORT (Linux, SOL_IP): a socket bound to a source address gets its port at connect, by the
    // whole four-tuple, as an unbound one does, instead of at bind, where every port in TIME_WAIT on that address would
    // count as taken and a connect/close flood would run out of ports within a minute.
    private const int SolIp = 0;
    private const int IpBindAddressNoPort = 24;

    /// <summary>A Login (93) with the given credentials, AY0 and a checksum.</summary>
    public static byte[] LoginFrame(string loginId, string password) =>
        Sip2MessageWriter.ToBytes(new LoginRequest { UidAlgorithm = '0', PwdAlgorithm = '0', LoginUserId = loginId, LoginPassword = password }, Sip2CodecOptions.Default, Sip2Trailer.WithChecksum(0));

    /// <summary>
    /// Whether <paramref name="answer"/> is the response to the request <paramref name="frame"/>: its command code is
    /// the request's plus one (63 → 64, 11 → 12, 09 → 10), or 98 for a 99; not a 96 or another message.
    /// </summary>
    public static bool Answers(byte[] frame, string answer)
    {
        var request = ((frame[0] - '0') * 10) + (frame[1] - '0');
        var expected = (request == 99 ? 98 : request + 1).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
        return answer.StartsWith(expected, StringComparison.Ordinal);
    }

    /// <summary>Whether a 94 accepts the login.</summary>
    public static bool IsLoginAccepted(string answer) => answer.StartsWith("941", StringComparison.Ordinal);

    /// <summary>
    /// The requests of a visit or an in-session kiosk, by mix name, with sequence numbers 1 to 9 (the login has AY0):
    /// <c>status</c> (99), <c>patron</c> (63), <c>circulation</c> (11 and 09 in turn) or <c>session</c> (the load tool's
    /// mix of ten, <see cref="LoadTool.BuildFrames"/>). Item ids are placeholders: pass each frame through
    /// <see cref="LoadTool.MakeUnique"/> before sending, so that no checkout or checkin is a repeat.
    /// </summary>
    public static byte[][] RequestFrames(string mix)
    {
        if (mix == "session")
        {
            return LoadTool.BuildFrames();
        }

        Func<int, Sip2Message> message = mix switch
        {
            "status" => _ => SampleMessages.ScStatus,
            "patron" => _ => SampleMessages.PatronInformation,
            "circulation" => i => i % 2 == 0 ? SampleMessages.Checkout(LoadTool.ItemPlaceholder) : SampleMessages.Checkin(LoadTool.ItemPlaceholder),
            _ => throw new ArgumentException($"unknown mix '{mix}' (status, patron, circulation or session)", nameof(mix)),
        };
        // Consecutive requests differ in AY, so that none is taken for a retransmission of the one before.
        return Enumerable.Range(0, 9).Select(i => Sip2MessageWriter.ToBytes(message(i), Sip2CodecOptions.Default, Sip2Trailer.WithChecksum(1 + i))).ToArray();
    }

    /// <summary>A TCP socket to <paramref name="server"/>, from <paramref name="source"/> when given (any 127.0.0.x works on Linux).</summary>
    public static async Task<Socket> ConnectAsync(IPEndPoint server, IPAddress? source, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (source is not null)
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                if (OperatingSystem.IsLinux())
                {
                    socket.SetRawSocketOption(SolIp, IpBindAddressNoPort, BitConverter.GetBytes(1));
                }

                socket.Bind(new IPEndPoint(source, 0));
            }

            await socket.ConnectAsync(server, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The client's side of a TLS handshake over <paramref name="stream"/>, accepting only the certificate whose SHA-1
    /// thumbprint is <paramref name="pinnedThumbprint"/> (the stress tool made it). Without <paramref name="resume"/>,
    /// every handshake is a full one, as an attacker's would be.
    /// </summary>
    public static async Task<SslStream> AuthenticateAsync(Stream stream, string pinnedThumbprint, bool resume, CancellationToken cancellationToken)
    {
        var tls = new SslStream(stream, leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                AllowTlsResume = resume,
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && string.Equals(certificate.GetCertHashString(), pinnedThumbprint, StringComparison.OrdinalIgnoreCase),
            }, cancellationToken);
            return tls;
        }
        catch
        {
            await tls.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Sends <paramref name="frame"/> and reads its answer up to the CR into <paramref name="buffer"/>; returns the
    /// answer without the CR and without the LF a CRLF terminator left before it. An answer longer than the buffer keeps
    /// its first bytes. Throws <see cref="IOException"/> when the server closes first.
    /// </summary>
    public static async Task<string> ExchangeAsync(Stream stream, byte[] frame, byte[] buffer, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(frame, cancellationToken);
        var filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                filled = 64; // an overlong answer: keep its start, which says what it is
            }

            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                throw new IOException("The server closed the connection.");
            }

            var cr = buffer.AsSpan(filled, read).IndexOf((byte)'\r');
            if (cr >= 0)
            {
                var answer = buffer.AsSpan(0, filled + cr);
                while (answer.Length > 0 && answer[0] == (byte)'\n')
                {
                    answer = answer[1..];
                }

                return Encoding.ASCII.GetString(answer);
            }

            filled += read;
        }
    }

    /// <summary>
    /// Waits until the server closes <paramref name="socket"/> (a read of 0 bytes or a reset: true) or
    /// <paramref name="cancellationToken"/> fires (false), throwing away anything the server sends meanwhile.
    /// </summary>
    public static async Task<bool> WaitForCloseAsync(Socket socket, CancellationToken cancellationToken)
    {
        var sink = new byte[256];
        try
        {
            while (await socket.ReceiveAsync(sink, SocketFlags.None, cancellationToken) > 0)
            {
            }

            return true;
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
