using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sip2.Net.Storage.Tests.Harness;

/// <summary>A kiosk on a socket bound to an address of its own (127.0.0.5, say), speaking SIP2 as plain text.</summary>
public sealed class RawKiosk : IDisposable
{
    private readonly Socket socket;
    private readonly List<byte> pending = [];

    private RawKiosk(Socket socket) => this.socket = socket;

    public static async Task<RawKiosk> ConnectAsync(string localAddress, int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
        await socket.ConnectAsync(IPAddress.Loopback, port);
        return new RawKiosk(socket);
    }

    /// <summary>Sends one message (the terminator is added) and returns the answer, or null when the connection closes first.</summary>
    public async Task<string?> AskAsync(string message, TimeSpan within)
    {
        await socket.SendAsync(Encoding.ASCII.GetBytes(message + "\r"));
        using var timeout = new CancellationTokenSource(within);
        var buffer = new byte[1024];
        while (true)
        {
            var end = pending.IndexOf((byte)'\r');
            if (end >= 0)
            {
                var answer = Encoding.ASCII.GetString(pending.GetRange(0, end).ToArray());
                pending.RemoveRange(0, end + 1);
                return answer;
            }

            var read = await ReceiveAsync(buffer, timeout.Token);
            if (read == 0)
            {
                return null;
            }

            pending.AddRange(buffer.AsSpan(0, read).ToArray());
        }
    }

    /// <summary>Completes when the other side closes the connection; false when it is still open after <paramref name="within"/>.</summary>
    public async Task<bool> ClosedAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        var buffer = new byte[1024];
        try
        {
            while (await ReceiveAsync(buffer, timeout.Token) > 0)
            {
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => socket.Dispose();

    private async Task<int> ReceiveAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await socket.ReceiveAsync(buffer, cancellationToken);
        }
        catch (SocketException)
        {
            return 0; // reset: closed as well
        }
    }
}
