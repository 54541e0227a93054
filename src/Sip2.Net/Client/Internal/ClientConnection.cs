using System;
using System.IO;
using System.Net.Sockets;

namespace Sip2.Net.Client.Internal;

/// <summary>An open connection and its read buffer (bytes from Start to End are received, not yet framed).</summary>
internal sealed class ClientConnection(Socket socket, Stream stream, int maxMessageLength) : IDisposable
{
    public Socket Socket { get; } = socket;

    public Stream Stream { get; } = stream;

    public byte[] Buffer { get; private set; } = new byte[4096];

    public int Start { get; set; }

    public int End { get; set; }

    // Moves unread bytes to the front, and grows the buffer when a message fills it (up to the cap, plus
    // room for its terminator so TooLong can be told apart from "almost there").
    public void MakeRoom()
    {
        if (Start > 0)
        {
            Array.Copy(Buffer, Start, Buffer, 0, End - Start);
            End -= Start;
            Start = 0;
        }

        if (End == Buffer.Length)
        {
            var size = Math.Min(Math.Max(Buffer.Length * 2, 4096), maxMessageLength + 2);
            if (size <= Buffer.Length)
            {
                size = Buffer.Length + 1;
            }

            var larger = new byte[size];
            Array.Copy(Buffer, larger, End);
            Buffer = larger;
        }
    }

    public void Dispose()
    {
        Stream.Dispose();
        Socket.Dispose();
    }
}
