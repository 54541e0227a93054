using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Sip2.Net.Access;
using Sip2.Net.Client;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;
using Sip2.Net.Resolution;
using Sip2.Net.Server;
using static Sip2.Net.TestSupport.StoreSeeding;

namespace Sip2.Net.IntegrationTests;

/// <summary>
/// A real server on 127.0.0.1 port 0 with two institutions and these client registrations:
/// 127.0.0.1 shared by kiosk-a (Alpha, IBM850) and kiosk-b (Beta, whose branch does not support Renew);
/// 127.0.0.2 without login (Alpha, UTF-8, whole group); 127.0.0.3 deactivated.
/// </summary>
internal sealed class TestServer : IAsyncDisposable
{
    public const string KioskA = "kiosk-a";
    public const string KioskAPassword = "alpha-secret";
    public const string KioskB = "kiosk-b";
    public const string KioskBPassword = "beta-secret";

    private TestServer(Sip2Server server, InMemorySip2RegistryStore registry, CountingBackend backend, CapturingLoggerProvider logs, FakeTimeProvider? time)
    {
        Server = server;
        Registry = registry;
        Backend = backend;
        Logs = logs;
        Time = time;
    }

    public Sip2Server Server { get; }

    public InMemorySip2RegistryStore Registry { get; }

    public CountingBackend Backend { get; }

    public CapturingLoggerProvider Logs { get; }

    public FakeTimeProvider? Time { get; }

    public int Port => Server.BoundEndpoints[0].Port;

    public Sip2ClientRegistration NoLoginRegistration { get; private set; } = null!;

    public static async Task<TestServer> StartAsync(Func<Sip2ServerOptions, Sip2ServerOptions>? configure = null, FakeTimeProvider? time = null, X509Certificate2? certificate = null, System.Diagnostics.Metrics.IMeterFactory? meterFactory = null, LogLevel logLevel = LogLevel.Trace)
    {
        var directory = new InMemorySip2RegistryStore(Sip2RegistryOptions.AllowLocalNetworks);
        Must(directory.SaveGroupAsync(new Sip2InstitutionGroup { Id = "consortium", Name = "Consortium" }));
        Must(directory.SaveInstitutionAsync(new Sip2Institution { Id = "alpha", Name = "Alpha Library", GroupId = "consortium" }));
        Must(directory.SaveInstitutionAsync(new Sip2Institution { Id = "beta", Name = "Beta Library", GroupId = "consortium" }));
        Must(directory.SaveBranchConfigurationAsync(new Sip2BranchConfiguration
        {
            InstitutionId = "alpha", BranchId = "alpha-main", LibraryName = "Alpha Main", TerminalLocation = "Kiosk A", TimeoutSeconds = 30, RetriesAllowed = 3,
        }));
        Must(directory.SaveBranchConfigurationAsync(new Sip2BranchConfiguration
        {
            InstitutionId = "beta", BranchId = "beta-main", LibraryName = "Beta Main", SupportedMessages = SupportedMessages.All & ~SupportedMessages.Renew,
        }));

        var logs = new CapturingLoggerProvider();
        var registry = directory;
        await Add(registry, new() { IPAddress = IPAddress.Loopback, LoginId = KioskA, PasswordHash = Sip2PasswordHash.Create(KioskAPassword, 1000), InstitutionId = "alpha", BranchId = "alpha-main" });
        await Add(registry, new() { IPAddress = IPAddress.Loopback, LoginId = KioskB, PasswordHash = Sip2PasswordHash.Create(KioskBPassword, 1000), InstitutionId = "beta", BranchId = "beta-main", Vendor = "Bibliotheca" });
        var noLogin = await Add(registry, new() { IPAddress = IPAddress.Parse("127.0.0.2"), InstitutionId = "alpha", BranchId = "alpha-main", Encoding = Sip2CharacterEncoding.Utf8, ResolutionLevel = Sip2ResolutionLevel.WholeGroup });
        await Add(registry, new() { IPAddress = IPAddress.Parse("127.0.0.3"), InstitutionId = "alpha", BranchId = "alpha-main", Activated = false });

        var policy = new Sip2RegistryAccessPolicy(registry, directory, timeProvider: time);
        var backend = new CountingBackend();
        var options = new Sip2ServerOptions
        {
            Endpoints = [new Sip2ListenEndpoint { EndPoint = new IPEndPoint(IPAddress.Loopback, 0), Certificate = certificate }],
            ShutdownTimeout = TimeSpan.FromSeconds(2),
        };
        options = configure?.Invoke(options) ?? options;
        var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(logLevel));
        var handler = new Sip2ConnectionHandler(policy, backend, options, registry: registry, timeProvider: time, loggerFactory: loggerFactory, meterFactory: meterFactory);
        var server = new Sip2Server(handler, loggerFactory);
        await server.StartAsync();
        return new TestServer(server, registry, backend, logs, time) { NoLoginRegistration = noLogin };
    }

    private static async Task<Sip2ClientRegistration> Add(InMemorySip2RegistryStore registry, Sip2ClientRegistration registration) =>
        (await registry.CreateAsync(registration)).GetValueOrThrow();

    public Sip2Client Client(bool errorDetection = true, Sip2Encoding? encoding = null, bool tls = false, string? localAddress = null) => new(new Sip2ClientOptions
    {
        Host = "127.0.0.1",
        Port = Port,
        LocalAddress = localAddress is null ? null : IPAddress.Parse(localAddress),
        ErrorDetection = errorDetection,
        Encoding = encoding ?? Sip2Encoding.Ibm850,
        UseTls = tls,
        TlsTargetHost = "localhost",
        RemoteCertificateValidationCallback = tls ? (_, _, _, _) => true : null,
        InstitutionId = "alpha",
        ResponseTimeout = TimeSpan.FromSeconds(20),
    });

    /// <summary>A raw kiosk from a registered address, returned once the server admitted it and waits for its first byte
    /// (so a fake clock moved from here counts from its admission).</summary>
    public async Task<RawKiosk> AdmittedAsync(string localAddress = "127.0.0.1", Sip2Encoding? encoding = null)
    {
        var waiting = Server.Handler.IdleAsync(next: true);
        var kiosk = await RawAsync(localAddress, encoding);
        await waiting.WaitAsync(TimeSpan.FromSeconds(20));
        return kiosk;
    }

    public async Task<RawKiosk> RawAsync(string localAddress = "127.0.0.1", Sip2Encoding? encoding = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
        await socket.ConnectAsync(IPAddress.Loopback, Port);
        return new RawKiosk(socket, encoding ?? Sip2Encoding.Ibm850);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Server.Handler.Dispose();
    }

    public static X509Certificate2 CreateCertificate() => Sip2.Net.TestSupport.TestCertificates.CreateLocalhost();
}

/// <summary>A kiosk speaking raw bytes from a chosen local address.</summary>
internal sealed class RawKiosk(Socket socket, Sip2Encoding encoding) : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);
    private readonly List<byte> pending = new();

    public Task SendAsync(string text) => SendBytesAsync(encoding.GetBytes(text));

    public async Task SendBytesAsync(byte[] bytes) => await socket.SendAsync(bytes, SocketFlags.None);

    /// <summary>The next message, with its terminator, as text.</summary>
    public async Task<string> ReceiveAsync() => encoding.GetString(await ReceiveBytesAsync());

    /// <summary>The next message's bytes, terminator included; throws when the server closes first.</summary>
    public async Task<byte[]> ReceiveBytesAsync()
    {
        using var timeout = new CancellationTokenSource(Limit);
        var buffer = new byte[4096];
        while (true)
        {
            var end = pending.IndexOf((byte)'\r');
            if (end >= 0)
            {
                var take = end + 1 < pending.Count && pending[end + 1] == (byte)'\n' ? end + 2 : end + 1;
                var message = pending.Take(take).ToArray();
                pending.RemoveRange(0, take);
                return message;
            }

            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            if (read == 0)
            {
                throw new IOException("The server closed the connection.");
            }

            pending.AddRange(buffer.Take(read));
        }
    }

    /// <summary>True once the server has closed the connection (reading ends), within a bounded wait.</summary>
    public async Task<bool> WaitForCloseAsync(TimeSpan? within = null) => (await ReadToCloseAsync(within)).Closed;

    /// <summary>Everything the server sends until it closes the connection, and whether it did within a bounded wait.</summary>
    public async Task<(byte[] Received, bool Closed)> ReadToCloseAsync(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? Limit);
        var received = new List<byte>(pending);
        pending.Clear();
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
                if (read == 0)
                {
                    return (received.ToArray(), true);
                }

                received.AddRange(buffer.Take(read));
            }
        }
        catch (SocketException)
        {
            return (received.ToArray(), true);
        }
        catch (OperationCanceledException)
        {
            return (received.ToArray(), false);
        }
    }

    public Socket Socket => socket;

    public void Dispose() => socket.Dispose();
}

/// <summary>A back end that answers every request successfully, counts calls, and fails on request.</summary>
internal sealed class CountingBackend : Sip2BackendBase
{
    public const string Explodes = "boom";
    public const string Hangs = "slow";

    /// <summary>A patron whose requests wait in the back end until <see cref="Gate"/> opens.</summary>
    public const string Gated = "gated";

    /// <summary>Like <see cref="Gated"/>, but the back end blocks the calling thread, as a synchronous driver would.</summary>
    public const string Blocks = "blocks";

    /// <summary>Every patron and item belongs to the session's institution, except <see cref="Outsider"/>'s, which belong to another.</summary>
    public const string Outsider = "outsider";

    public override ValueTask<string?> FindPatronInstitutionAsync(string patronIdentifier, Sip2RequestContext context) =>
        new(patronIdentifier == Outsider ? "elsewhere" : context.InstitutionId);

    public override ValueTask<Sip2ItemOwner?> FindItemOwnerAsync(string itemIdentifier, Sip2RequestContext context) =>
        new(new Sip2ItemOwner(itemIdentifier == Outsider ? "elsewhere" : context.InstitutionId));

    public ConcurrentDictionary<Sip2Command, int> Calls { get; } = new();

    public int CallsOf(Sip2Command command) => Calls.TryGetValue(command, out var n) ? n : 0;

    /// <summary>Completes when a request for <see cref="Gated"/> or <see cref="Blocks"/> has reached the back end.</summary>
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async ValueTask Enter(Sip2Command command, string patron, Sip2RequestContext context)
    {
        Calls.AddOrUpdate(command, 1, (_, n) => n + 1);
        if (patron == Explodes)
        {
            throw new InvalidOperationException("The library system is on fire");
        }

        if (patron == Hangs)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.CancellationToken);
        }

        if (patron == Gated)
        {
            Entered.TrySetResult();
            await Gate.Task.WaitAsync(context.CancellationToken);
        }

        if (patron == Blocks)
        {
            Entered.TrySetResult();
            Gate.Task.Wait(); // on purpose: holds the server's thread until the test opens the gate
        }
    }

    public override async ValueTask<PatronStatusResponse> PatronStatusAsync(PatronStatusRequest request, Sip2RequestContext context)
    {
        await Enter(request.Command, request.PatronIdentifier, context);
        return new PatronStatusResponse
        {
            Language = Sip2Language.English, TransactionDate = context.Now, InstitutionId = context.InstitutionId,
            PatronIdentifier = request.PatronIdentifier, PersonalName = "Jürgen Müller", ValidPatron = true, ValidPatronPassword = request.PatronPassword == "1234",
        };
    }

    public override async ValueTask<PatronStatusResponse> BlockPatronAsync(BlockPatronRequest request, Sip2RequestContext context)
    {
        await Enter(request.Command, request.PatronIdentifier, context);
        return new PatronStatusResponse
        {
            PatronStatus = PatronStatus.ChargePrivilegesDenied, TransactionDate = context.Now, InstitutionId = context.InstitutionId,
            PatronIdentifier = request.PatronIdentifier, PersonalName = "Jürgen Müller",
        };
    }

    public override async ValueTask<CheckoutResponse> CheckoutAsync(CheckoutRequest request, Sip2RequestContext context)
    {
        await Enter(request.Command, request.PatronIdentifier, context);
        return new CheckoutResponse
        {
            Ok = true, MagneticMedia = false, Desensitize = true, TransactionDate = context.Now, InstitutionId = context.InstitutionId,
            PatronIdentifier = request.PatronIdentifier, ItemIdentifier = request.ItemIdentifier, TitleIdentifier = "The Hobbit",
            DueDate = "20991231    235959",
        };
    }

    public override async ValueTask<CheckinResponse> CheckinAsync(CheckinRequest request, Sip2RequestContext context)
    {
        await Enter(request.Command, "", context);
        return new CheckinResponse
        {
            Ok = true, Resensitize = true, MagneticMedia = false, TransactionDate = context.Now, InstitutionId = context.InstitutionId,
            ItemIdentifier = request.ItemIdentifier, PermanentLocation = "Main",
        };
    }

    public override async ValueTask<PatronInformationResponse> PatronInformationAsync(PatronInformationRequest request, Sip2RequestContext context)
    {
        await Enter(request.Command, request.PatronIdentifier, context);
        return new PatronInformationResponse
        {
            Language = Sip2Language.English, TransactionDate = context.Now, HoldItemsCount = 0, OverdueItemsCount = 0, ChargedItemsCount = 1,
            FineItemsCount = 0, RecallItemsCount = 0, UnavailableHoldsCount = 0, InstitutionId = context.InstitutionId,
            PatronIdentifier = request.PatronIdentifier, PersonalName = "Jürgen Müller", ValidPatron = true,
            ChargedItems = (request.Summary & PatronSummary.ChargedItems) != 0 ? ["3900001"] : [],
        };
    }

    public override async ValueTask<EndPatronSessionResponse> EndPatronSessionAsync(EndPatronSessionRequest request, Sip2RequestContext context)
    {
        await Enter(request.Command, request.PatronIdentifier, context);
        return new EndPatronSessionResponse { EndSession = true, TransactionDate = context.Now, InstitutionId = context.InstitutionId, PatronIdentifier = request.PatronIdentifier };
    }

    public override async ValueTask<FeePaidResponse> FeePaidAsync(FeePaidRequest request, Sip2RequestContext context)
    {
        await Enter(request.Command, request.PatronIdentifier, context);
        return new FeePaidResponse { PaymentAccepted = true, TransactionDate = context.Now, InstitutionId = context.InstitutionId, PatronIdentifier = request.PatronIdentifier, TransactionId = "ack-1" };
    }

    public override async ValueTask<ItemInformationResponse> ItemInformationAsync(ItemInformationRequest request, Sip2RequestContext context)
    {
        await Enter(request.Command, "", context);
        return new ItemInformationResponse { CirculationStatus = CirculationStatus.Available, TransactionDate = context.Now, ItemIdentifier = request.ItemIdentifier, TitleIdentifier = "The Hobbit" };
    }

    public override async ValueTask<ItemStatusUpdateResponse> ItemStatusUpdateAsync(ItemStatusUpdateRequest request, Sip2RequestContext context)
    {
        await Enter(request.Command, "", context);
        return new ItemStatusUpdateResponse { ItemPropertiesOk = true, TransactionDate = context.Now, ItemIdentifier = request.ItemIdentifier, ItemProperties = request.ItemProperties };
    }

    public override async ValueTask<PatronEnableResponse> PatronEnableAsync(PatronEnableRequest request, Sip2RequestContext context)
    {
        await Enter(request.Command, request.PatronIdentifier, context);
        return new PatronEnableResponse { TransactionDate = context.Now, InstitutionId = context.InstitutionId, PatronIdentifier = request.PatronIdentifier, PersonalName = "Jürgen Müller", ValidPatron = true };
    }

    public override async ValueTask<HoldResponse> HoldAsync(HoldRequest request, Sip2RequestContext context)
    {
        await Enter(request.Command, request.PatronIdentifier, context);
        return new HoldResponse { Ok = true, TransactionDate = context.Now, QueuePosition = 2, InstitutionId = context.InstitutionId, PatronIdentifier = request.PatronIdentifier, ItemIdentifier = request.ItemIdentifier };
    }

    public override async ValueTask<RenewResponse> RenewAsync(RenewRequest request, Sip2RequestContext context)
    {
        await Enter(request.Command, request.PatronIdentifier, context);
        return new RenewResponse
        {
            Ok = true, RenewalOk = true, MagneticMedia = false, Desensitize = true, TransactionDate = context.Now, InstitutionId = context.InstitutionId,
            PatronIdentifier = request.PatronIdentifier, ItemIdentifier = request.ItemIdentifier ?? "", TitleIdentifier = "The Hobbit", DueDate = "20991231    235959",
        };
    }

    public override async ValueTask<RenewAllResponse> RenewAllAsync(RenewAllRequest request, Sip2RequestContext context)
    {
        await Enter(request.Command, request.PatronIdentifier, context);
        return new RenewAllResponse { Ok = true, RenewedCount = 1, UnrenewedCount = 0, TransactionDate = context.Now, InstitutionId = context.InstitutionId, RenewedItems = ["3900001"] };
    }
}
