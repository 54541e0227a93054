using System.IO;
using System.Threading;
using System.Threading.Tasks;
using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Tests.Client;

/// <summary>
/// A scripted ACS on 127.0.0.1 for client and CLI tests: answers each request with a typed response
/// (echoing AY and adding AZ when the request had them), and can be told to corrupt responses, ask for
/// resends, stall, or use another terminator. It stands in until the real server exists.
/// </summary>
internal sealed class Sip2TestServer : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentBag<Task> connections = new();
    private readonly Task acceptLoop;
    private int corruptResponses;
    private int answerWith96;
    private int disposed;

    public Sip2TestServer(X509Certificate2? certificate = null, Sip2Encoding? encoding = null)
    {
        Certificate = certificate;
        Codec = new Sip2CodecOptions { Encoding = encoding ?? Sip2Encoding.Ibm850 };
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public X509Certificate2? Certificate { get; }

    public Sip2CodecOptions Codec { get; }

    /// <summary>Builds the response to a request; the default answers every message plausibly.</summary>
    public Func<Sip2Message, Sip2Message> Responder { get; set; } = DefaultResponse;

    /// <summary>When set and returning text, that text (without terminator) is sent instead of the typed response.</summary>
    public Func<string, string?>? RawResponder { get; set; }

    /// <summary>What ends each response: CR, CRLF or LF.</summary>
    public string Terminator { get; set; } = "\r";

    /// <summary>Never answer (for timeouts).</summary>
    public bool Stall { get; set; }

    /// <summary>Accept TCP but never complete the TLS handshake (for connect timeouts).</summary>
    public bool StallHandshake { get; set; }

    /// <summary>Held before each response, so a client that pipelined would be caught doing it.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>Whether a request arrived while the previous one was still unanswered.</summary>
    public bool Pipelined { get; private set; }

    /// <summary>Every frame received, in order, without terminator.</summary>
    public ConcurrentQueue<byte[]> Received { get; } = new();

    public IReadOnlyList<string> ReceivedText => Received.Select(b => Codec.Encoding.GetString(b)).ToList();

    /// <summary>The raw bytes of the first chunk read from the last connection (to check terminators).</summary>
    public ConcurrentQueue<byte[]> RawChunks { get; } = new();

    /// <summary>Corrupts the next <paramref name="count"/> responses (resends included): one byte changes, so the checksum fails.</summary>
    public void CorruptNext(int count) => Volatile.Write(ref corruptResponses, count);

    /// <summary>Answers the next <paramref name="count"/> requests with 96.</summary>
    public void Answer96Next(int count) => Volatile.Write(ref answerWith96, count);

    public static X509Certificate2 CreateCertificate() => Sip2.Net.TestSupport.TestCertificates.CreateLocalhost();

    public static Sip2Message DefaultResponse(Sip2Message request)
    {
        var now = Sip2Timestamp.Local(new DateTime(2026, 1, 2, 3, 4, 5));
        return request switch
        {
            LoginRequest login => new LoginResponse { Ok = login.LoginPassword != "wrong" },
            ScStatusRequest => new AcsStatusResponse
            {
                OnlineStatus = true, CheckinOk = true, CheckoutOk = true, AcsRenewalPolicy = true, StatusUpdateOk = true,
                TimeoutPeriod = 30, RetriesAllowed = 3, DateTimeSync = now, ProtocolVersion = "2.00", InstitutionId = "main",
                LibraryName = "Test Library", SupportedMessages = (SupportedMessages)0xFFFF,
            },
            PatronStatusRequest r => new PatronStatusResponse
            {
                Language = Sip2Language.English, TransactionDate = now, InstitutionId = r.InstitutionId,
                PatronIdentifier = r.PatronIdentifier, PersonalName = "Zoë Ångström", ValidPatron = true,
            },
            BlockPatronRequest r => new PatronStatusResponse
            {
                PatronStatus = PatronStatus.ChargePrivilegesDenied, TransactionDate = now, InstitutionId = r.InstitutionId,
                PatronIdentifier = r.PatronIdentifier, PersonalName = "Blocked Patron",
            },
            PatronInformationRequest r => new PatronInformationResponse
            {
                Language = Sip2Language.English, TransactionDate = now, InstitutionId = r.InstitutionId, PatronIdentifier = r.PatronIdentifier,
                PersonalName = "Pat Ron", ValidPatron = true, HoldItemsCount = 2, ChargedItemsCount = 3,
                ChargedItems = r.Summary.HasFlag(PatronSummary.ChargedItems)
                    ? Enumerable.Range(r.StartItem ?? 1, (r.EndItem ?? 3) - (r.StartItem ?? 1) + 1).Select(i => $"item{i}").ToList()
                    : [],
            },
            CheckoutRequest r => new CheckoutResponse
            {
                Ok = r.ItemIdentifier != "refused", TransactionDate = now, InstitutionId = r.InstitutionId,
                PatronIdentifier = r.PatronIdentifier, ItemIdentifier = r.ItemIdentifier, TitleIdentifier = "A Title",
                DueDate = r.ItemIdentifier != "refused" ? "20260116    000000" : "",
                ScreenMessages = r.ItemIdentifier != "refused" ? [] : ["Item cannot be checked out"],
            },
            CheckinRequest r => new CheckinResponse
            {
                Ok = true, TransactionDate = now, InstitutionId = r.InstitutionId, ItemIdentifier = r.ItemIdentifier, PermanentLocation = "Stacks",
            },
            RenewRequest r => new RenewResponse
            {
                Ok = true, RenewalOk = true, TransactionDate = now, InstitutionId = r.InstitutionId, PatronIdentifier = r.PatronIdentifier,
                ItemIdentifier = r.ItemIdentifier ?? "", TitleIdentifier = r.TitleIdentifier ?? "", DueDate = "20260130    000000",
            },
            RenewAllRequest r => new RenewAllResponse
            {
                Ok = true, RenewedCount = 2, UnrenewedCount = 0, TransactionDate = now, InstitutionId = r.InstitutionId, RenewedItems = ["a", "b"],
            },
            FeePaidRequest r => new FeePaidResponse
            {
                PaymentAccepted = true, TransactionDate = now, InstitutionId = r.InstitutionId, PatronIdentifier = r.PatronIdentifier, TransactionId = r.TransactionId,
            },
            HoldRequest r => new HoldResponse
            {
                Ok = true, Available = false, TransactionDate = now, InstitutionId = r.InstitutionId, PatronIdentifier = r.PatronIdentifier,
                ItemIdentifier = r.ItemIdentifier, QueuePosition = 1,
            },
            ItemInformationRequest r => new ItemInformationResponse
            {
                CirculationStatus = CirculationStatus.Available, SecurityMarker = SecurityMarker.Other, TransactionDate = now,
                ItemIdentifier = r.ItemIdentifier, TitleIdentifier = "A Title",
            },
            ItemStatusUpdateRequest r => new ItemStatusUpdateResponse
            {
                ItemPropertiesOk = true, TransactionDate = now, ItemIdentifier = r.ItemIdentifier, ItemProperties = r.ItemProperties,
            },
            PatronEnableRequest r => new PatronEnableResponse
            {
                Language = Sip2Language.English, TransactionDate = now, InstitutionId = r.InstitutionId, PatronIdentifier = r.PatronIdentifier, PersonalName = "Pat Ron",
            },
            EndPatronSessionRequest r => new EndPatronSessionResponse
            {
                EndSession = true, TransactionDate = now, InstitutionId = r.InstitutionId, PatronIdentifier = r.PatronIdentifier,
            },
            _ => new RequestScResend(),
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        stop.Cancel();
        listener.Stop();
        try
        {
            await acceptLoop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        foreach (var connection in connections)
        {
            try
            {
                await connection;
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
            {
            }
        }

        stop.Dispose();
        Certificate?.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var tcp = await listener.AcceptTcpClientAsync(stop.Token);
            connections.Add(Task.Run(() => ServeAsync(tcp)));
        }
    }

    private async Task ServeAsync(TcpClient tcp)
    {
        using var _ = tcp;
        Stream stream = tcp.GetStream();
        if (Certificate is not null)
        {
            if (StallHandshake)
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }

            var tls = new SslStream(stream);
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = Certificate }, stop.Token);
            stream = tls;
        }

        await using var __ = stream;
        var reader = PipeReader.Create(stream);
        byte[]? last = null;
        var first = true;
        while (true)
        {
            var read = await reader.ReadAsync(stop.Token);
            var buffer = read.Buffer;
            if (first && !buffer.IsEmpty)
            {
                RawChunks.Enqueue(buffer.ToArray());
                first = false;
            }

            while (Sip2FrameReader.TryReadFrame(ref buffer, Sip2FrameReader.DefaultMaxMessageLength, out var frame) == Sip2FrameStatus.Frame)
            {
                var request = frame.ToArray();
                Received.Enqueue(request);
                if (ResponseDelay > TimeSpan.Zero)
                {
                    await Task.Delay(ResponseDelay, stop.Token);
                }

                if (!buffer.IsEmpty || tcp.Available > 0)
                {
                    Pipelined = true;
                }

                var reply = Answer(request, ref last);
                if (reply is not null)
                {
                    await stream.WriteAsync(Corrupt(reply), stop.Token);
                }
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (read.IsCompleted)
            {
                return;
            }
        }
    }

    private byte[]? Answer(byte[] frame, ref byte[]? last)
    {
        if (Stall)
        {
            return null;
        }

        var result = Sip2MessageParser.Parse(frame, Codec);
        var ed = result.HasChecksum ? Sip2Trailer.WithChecksum() : Sip2Trailer.None;
        if (result.Command == Sip2Command.RequestAcsResend)
        {
            return last ?? Frame(new RequestScResend(), ed);
        }

        if (TakeOne(ref answerWith96) || result.Message is null)
        {
            return Frame(new RequestScResend(), ed);
        }

        if (RawResponder?.Invoke(Codec.Encoding.GetString(frame)) is { } raw)
        {
            return last = Codec.Encoding.GetBytes(raw + Terminator);
        }

        var trailer = result.HasChecksum ? Sip2Trailer.WithChecksum(result.SequenceNumber) : Sip2Trailer.None;
        return last = Frame(Responder(result.Message), trailer);
    }

    private byte[] Frame(Sip2Message message, Sip2Trailer trailer)
    {
        var bytes = Sip2MessageWriter.ToBytes(message, Codec, trailer);
        return [.. bytes.AsSpan(0, bytes.Length - 1), .. Encoding.ASCII.GetBytes(Terminator)];
    }

    private byte[] Corrupt(byte[] reply)
    {
        if (!TakeOne(ref corruptResponses))
        {
            return reply;
        }

        var copy = (byte[])reply.Clone();
        copy[2] ^= 0x01; // one bit in the first fixed field: the checksum no longer matches
        return copy;
    }

    private static bool TakeOne(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
            {
                return true;
            }
        }
    }
}
