using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Sip2.Net.Client;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;
using Sip2.Net.SampleHost;
using Sip2.Net.SampleHost.Library;
using Sip2.Net.Server;

namespace Sip2.Net.SampleHost.Tests;

/// <summary>
/// The sample host with its shipped configuration and demo data, started in-process on 127.0.0.1 port 0,
/// on a fixed clock (2026-03-02 10:00, local time = UTC) so due dates are exact.
/// </summary>
internal sealed class TestLibrary : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private readonly IHost host;
    private readonly List<IAsyncDisposable> clients = [];

    private TestLibrary(IHost host, FakeTimeProvider clock)
    {
        this.host = host;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public int Port => host.BoundEndpoints()[0].Port;

    /// <summary>The admin site's address (a free port, since the SIP2 port is 0).</summary>
    public Uri AdminUri => host.AdminUri();

    /// <summary>The TLS listener's port, when a certificate is configured.</summary>
    public int TlsPort => host.BoundEndpoints()[1].Port;

    public IServiceProvider Services => host.Services;

    public InMemoryLibrarySystem Library => (InMemoryLibrarySystem)host.Services.GetRequiredService<ISip2Backend>();

    public static async Task<TestLibrary> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var clock = new FakeTimeProvider(Start);
        clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        var host = await SampleHost.BuildAsync([], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<TimeProvider>(clock);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Sip2:Port"] = "0" });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }
        });
        await host.StartAsync();
        return new TestLibrary(host, clock);
    }

    /// <summary>A kiosk on 127.0.0.1 logged in with <paramref name="loginId"/>.</summary>
    public async Task<Sip2Client> KioskAsync(string loginId, string password, Sip2Encoding? encoding = null)
    {
        var client = await ConnectAsync(encoding);
        await client.LoginAsync(loginId, password);
        return client;
    }

    /// <summary>A connected kiosk on 127.0.0.1 that has not logged in.</summary>
    public async Task<Sip2Client> ConnectAsync(Sip2Encoding? encoding = null)
    {
        var client = new Sip2Client(new Sip2ClientOptions
        {
            Host = "127.0.0.1",
            Port = Port,
            Encoding = encoding ?? Sip2Encoding.Ibm850,
            ResponseTimeout = TimeSpan.FromSeconds(30),

            // Every request is a new transaction with a later transaction date, as a person at a kiosk makes
            // them; otherwise two identical requests in one second would be answered as a retransmission.
            TimeProvider = new FakeTimeProvider(Start) { AutoAdvanceAmount = TimeSpan.FromSeconds(1) },
        });
        clients.Add(client);
        await client.ConnectAsync();
        return client;
    }

    /// <summary>A bare-socket kiosk (messages through the codec, no client) from another loopback address (127.0.0.2, 127.0.0.3).</summary>
    public async Task<RawKiosk> RawKioskAsync(string localAddress, Sip2Encoding encoding)
    {
        var kiosk = await RawKiosk.ConnectAsync(IPAddress.Parse(localAddress), Port, encoding);
        clients.Add(kiosk);
        return kiosk;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }

        await host.StopAsync();
        host.Dispose();
    }
}

/// <summary>A bare kiosk over a socket bound to a chosen local address, using the codec directly.</summary>
internal sealed class RawKiosk : IAsyncDisposable
{
    private readonly Socket socket;
    private readonly Sip2CodecOptions codec;
    private readonly byte[] buffer = new byte[64 * 1024];
    private int filled;
    private int sequence;

    private RawKiosk(Socket socket, Sip2CodecOptions codec)
    {
        this.socket = socket;
        this.codec = codec;
    }

    public static async Task<RawKiosk> ConnectAsync(IPAddress local, int port, Sip2Encoding encoding)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(local, 0));
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        return new RawKiosk(socket, new Sip2CodecOptions { Encoding = encoding });
    }

    public Task<T> SendAsync<T>(Sip2Message request)
        where T : Sip2Message
    {
        var next = sequence;
        sequence = (sequence + 1) % 10;
        return SendAsync<T>(request, next);
    }

    /// <summary>Sends with the given sequence number: the same request with the same one is byte for byte the same.</summary>
    public async Task<T> SendAsync<T>(Sip2Message request, int sequenceNumber)
        where T : Sip2Message
    {
        var bytes = Sip2MessageWriter.ToBytes(request, codec, Sip2Trailer.WithChecksum(sequenceNumber));
        await socket.SendAsync(bytes);
        var frame = await ReadFrameAsync() ?? throw new IOException("The server closed the connection.");
        var result = Sip2MessageParser.Parse(frame, codec);
        return Assert.IsType<T>(result.Message);
    }

    /// <summary>Reads until the server closes the connection; true when it did so without sending anything.</summary>
    public async Task<bool> ClosedWithoutAnswerAsync() => await ReadFrameAsync() is null;

    private async Task<byte[]?> ReadFrameAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var sequenceBuffer = new ReadOnlySequence<byte>(buffer, 0, filled);
            if (Sip2FrameReader.TryReadFrame(ref sequenceBuffer, Sip2FrameReader.DefaultMaxMessageLength, out var frame) == Sip2FrameStatus.Frame)
            {
                var result = frame.ToArray();
                var consumed = filled - (int)sequenceBuffer.Length;
                Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                filled -= consumed;
                return result;
            }

            int read;
            try
            {
                read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, timeout.Token);
            }
            catch (SocketException)
            {
                return null;
            }

            if (read == 0)
            {
                return null;
            }

            filled += read;
        }
    }

    public ValueTask DisposeAsync()
    {
        socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
