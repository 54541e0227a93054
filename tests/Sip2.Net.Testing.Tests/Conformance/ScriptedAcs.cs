using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Testing.Tests.Conformance;

/// <summary>
/// A small SIP2 server on 127.0.0.1 written for the conformance tests: it keeps the rules the battery checks, except
/// for the one <see cref="AcsFault"/> it is told to break (for the layout faults, only in the answers of
/// <see cref="Target"/>). Login kiosk/secret, institution LIB, patron P1 (PIN 1234), item I1; Patron Status (23) is off in BX.
/// </summary>
internal sealed partial class ScriptedAcs : IAsyncDisposable
{
    public const string LoginId = "kiosk";
    public const string Password = "secret";
    private const int MaxLine = 64 * 1024;

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentBag<Task> connections = [];
    private readonly Task accepting;
    private bool onLoan;

    public ScriptedAcs(AcsFault fault, Sip2Command? target = null)
    {
        Fault = fault;
        Target = target;
        listener.Start();
        accepting = AcceptAsync();
    }

    public AcsFault Fault { get; }

    /// <summary>The response whose layout the layout faults break.</summary>
    public Sip2Command? Target { get; }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        await Task.WhenAll(connections.Append(accepting).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            connections.Add(ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            var session = new Session();
            var pending = Array.Empty<byte>();
            var buffer = new byte[16 * 1024];
            try
            {
                while (true)
                {
                    var read = await socket.ReceiveAsync(buffer, stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    pending = [.. pending, .. buffer.AsSpan(0, read)];
                    if (Fault != AcsFault.NoLineCap && pending.Length > MaxLine && Array.IndexOf(pending, (byte)'\r') < 0)
                    {
                        return; // §8.6: an unterminated line past the cap closes the connection
                    }

                    var (frames, rest) = Split(pending);
                    pending = rest;
                    if (Fault == AcsFault.AnswersPartialMessages && frames.Count == 0)
                    {
                        await socket.SendAsync("96\r"u8.ToArray(), stop.Token);
                        continue;
                    }

                    foreach (var frame in Fault == AcsFault.FirstOfSegmentOnly ? frames.Take(1) : frames)
                    {
                        if (Answer(session, frame) is not { } answer)
                        {
                            return;
                        }

                        await socket.SendAsync(answer, stop.Token);
                    }

                    if (Fault == AcsFault.FirstOfSegmentOnly)
                    {
                        pending = [];
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The test is over, or the client went away.
            }
        }
    }

    // Frames as the standard and the fault say: CR, CRLF or LF end a message, except where a fault frames otherwise.
    private (List<byte[]> Frames, byte[] Remainder) Split(byte[] bytes)
    {
        var frames = new List<byte[]>();
        if (Fault is AcsFault.CrOnly or AcsFault.WaitsForCrLf)
        {
            var terminator = Fault == AcsFault.CrOnly ? "\r"u8.ToArray() : "\r\n"u8.ToArray();
            var start = 0;
            for (var at = bytes.AsSpan(start).IndexOf(terminator); at >= 0; at = bytes.AsSpan(start).IndexOf(terminator))
            {
                frames.Add(bytes[start..(start + at)]);
                start += at + terminator.Length;
            }

            return (frames, bytes[start..]);
        }

        var sequence = new ReadOnlySequence<byte>(bytes);
        while (Sip2FrameReader.TryReadFrame(ref sequence, Fault == AcsFault.NoLineCap ? int.MaxValue : MaxLine, out var frame) == Sip2FrameStatus.Frame)
        {
            frames.Add(frame.ToArray());
        }

        return (frames, sequence.ToArray());
    }

    private sealed class Session
    {
        public bool LoggedIn { get; set; }

        public byte[]? Last { get; set; }

        public Sip2Message? LastMessage { get; set; }
    }
}
