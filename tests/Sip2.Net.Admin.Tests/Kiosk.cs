using System.Net;
using System.Net.Sockets;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Admin.Tests;

/// <summary>A kiosk on a socket bound to a chosen loopback address (127.0.0.5), speaking through the codec.</summary>
internal sealed class Kiosk : IDisposable
{
    private readonly Socket socket;
    private readonly byte[] buffer = new byte[8192];
    private int filled;

    private Kiosk(Socket socket) => this.socket = socket;

    public static async Task<Kiosk> ConnectAsync(string localAddress, int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        return new Kiosk(socket);
    }

    /// <summary>Sends an SC Status and returns the answer, or null when the server closed the connection instead.</summary>
    public async Task<Sip2Message?> StatusAsync()
    {
        await socket.SendAsync(Sip2MessageWriter.ToBytes(new ScStatusRequest { StatusCode = ScStatusCode.Ok, MaxPrintWidth = 40, ProtocolVersion = "2.00" }, Sip2CodecOptions.Default, Sip2Trailer.WithChecksum(0)));
        return await ReadAsync() is { } frame ? Sip2MessageParser.Parse(frame, Sip2CodecOptions.Default).Message : null;
    }

    /// <summary>True when the server ends the connection within the timeout.</summary>
    public async Task<bool> ClosedByServerAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, cancel.Token) == 0;
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

    private async Task<byte[]?> ReadAsync()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var end = Array.IndexOf(buffer, (byte)'\r', 0, filled);
            if (end >= 0)
            {
                var frame = buffer.AsSpan(0, end).ToArray();
                filled = 0;
                return frame;
            }

            var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, cancel.Token);
            if (read == 0)
            {
                return null;
            }

            filled += read;
        }
    }

    public void Dispose() => socket.Dispose();
}
