using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.Versioning;
using Sip2.Net.Access;
using Sip2.Net.Client;
using Sip2.Net.Messages;
using Sip2.Net.Resolution;
using Sip2.Net.Server;
using Sip2.Net.TestSupport;

namespace Sip2.Net.NetStandard.Tests;

/// <summary>The netstandard2.0 build, loaded by a net8.0/net10.0 host: a TLS handshake that never comes is cut off, and a kiosk is served.</summary>
public sealed class NetStandardBuildTests : IAsyncLifetime
{
    private readonly WatchedFakeTimeProvider time = new();
    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 certificate = TestCertificates.CreateLocalhost();
    private Sip2ConnectionHandler handler = null!;
    private Sip2Server server = null!;

    public async Task InitializeAsync()
    {
        var store = new InMemorySip2RegistryStore(Sip2RegistryOptions.AllowLocalNetworks);
        await store.SaveInstitutionAsync(new Sip2Institution { Id = "NORTH" });
        await store.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "NORTH", BranchId = "MAIN", LibraryName = "Northfield" });
        (await store.CreateAsync(new Sip2ClientRegistration { IPAddress = IPAddress.Loopback, InstitutionId = "NORTH", BranchId = "MAIN" })).GetValueOrThrow();
        var options = new Sip2ServerOptions
        {
            Endpoints =
            [
                new Sip2ListenEndpoint { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) },
                new Sip2ListenEndpoint { EndPoint = new IPEndPoint(IPAddress.Loopback, 0), Certificate = certificate },
            ],
            TlsHandshakeTimeout = TimeSpan.FromSeconds(10),
        };
        handler = new Sip2ConnectionHandler(new Sip2RegistryAccessPolicy(store, store, timeProvider: time), new NoRecordsBackend(), options, messages: store, registry: store, timeProvider: time);
        server = new Sip2Server(handler);
        await server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        handler.Dispose();
        certificate.Dispose();
    }

    [Fact]
    public void The_library_loaded_is_the_netstandard20_build()
    {
        var target = typeof(Sip2Server).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;
        Assert.Equal(".NETStandard,Version=v2.0", target);
    }

    [Fact]
    public async Task A_TLS_handshake_that_never_starts_is_cut_off_after_the_handshake_timeout()
    {
        var timers = time.Timers;
        using var silent = new TcpClient();
        await silent.ConnectAsync(IPAddress.Loopback, server.BoundEndpoints[1].Port);
        await time.TimerCreatedAfterAsync(timers); // admitted: the handshake's deadline is set
        var stream = silent.GetStream();
        var closed = stream.ReadAsync(new byte[1], 0, 1);
        Assert.False(closed.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(10));

        var outcome = await Task.WhenAny(closed, Task.Delay(TimeSpan.FromSeconds(20)));
        Assert.Same(closed, outcome);
        try
        {
            Assert.Equal(0, await closed); // the server closed it
        }
        catch (IOException)
        {
            // or reset it: cut off either way
        }
    }

    [Fact]
    public async Task A_kiosk_is_answered_over_plain_TCP()
    {
        await using var kiosk = new Sip2Client(new Sip2ClientOptions { Host = "127.0.0.1", Port = server.BoundEndpoints[0].Port, InstitutionId = "NORTH" });
        await kiosk.ConnectAsync();
        var status = await kiosk.ScStatusAsync();
        Assert.Equal("Northfield", status.LibraryName);
        var patron = await kiosk.SendAsync<PatronStatusResponse>(new PatronStatusRequest
        {
            Language = Sip2Language.English,
            TransactionDate = Sip2Timestamp.Local(DateTime.Now),
            InstitutionId = "NORTH",
            PatronIdentifier = "P1",
            TerminalPassword = "",
            PatronPassword = "",
        });
        Assert.Equal("P1", patron.PatronIdentifier);
    }

    [Fact]
    public async Task A_kiosk_is_answered_over_TLS()
    {
        await using var kiosk = new Sip2Client(new Sip2ClientOptions
        {
            Host = "127.0.0.1",
            Port = server.BoundEndpoints[1].Port,
            UseTls = true,
            TlsTargetHost = "localhost",
            RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString(),
        });
        await kiosk.ConnectAsync();
        Assert.Equal("Northfield", (await kiosk.ScStatusAsync()).LibraryName);
    }

    // The sample back end of a library that has no records: every patron is unknown.
    private sealed class NoRecordsBackend : Sip2BackendBase
    {
        public override ValueTask<string?> FindPatronInstitutionAsync(string patronIdentifier, Sip2RequestContext context) => new((string?)null);

        public override ValueTask<Sip2ItemOwner?> FindItemOwnerAsync(string itemIdentifier, Sip2RequestContext context) => new((Sip2ItemOwner?)null);

        public override ValueTask<PatronStatusResponse> PatronStatusAsync(PatronStatusRequest request, Sip2RequestContext context) => new(new PatronStatusResponse
        {
            Language = request.Language,
            TransactionDate = context.Now,
            InstitutionId = context.InstitutionId,
            PatronIdentifier = request.PatronIdentifier,
            PersonalName = "",
            ValidPatron = false,
        });
    }
}
