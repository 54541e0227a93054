using Sip2.Net.TestSupport;

namespace Sip2.Net.IntegrationTests;

/// <summary>
/// What a stranger on the network cannot do: cost a TLS handshake from an address nobody registered, hold handshakes
/// outside the caps or past their deadline, keep a connection alive with blank lines, take every slot of a shared (NAT)
/// address, or fill the log with one line per refused connection.
/// </summary>
public class AdmissionLimitTests
{
    private const string LoginA = $"9300CN{TestServer.KioskA}|CO{TestServer.KioskAPassword}|AY0AZ";

    [Fact]
    public async Task An_unregistered_address_is_closed_before_a_byte_of_TLS_and_a_registered_one_gets_its_handshake()
    {
        using var certificate = TestServer.CreateCertificate();
        await using var server = await TestServer.StartAsync(certificate: certificate);

        using var stranger = await server.RawAsync("127.0.0.9");
        Assert.True(await stranger.WaitForCloseAsync(), "closed without waiting for a ClientHello");
        Assert.Contains(server.Logs.Lines, l => l.Contains("127.0.0.9", StringComparison.Ordinal) && l.Contains("not registered", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Logs.Lines, l => l.Contains("TLS handshake", StringComparison.Ordinal));

        await using var kiosk = server.Client(tls: true);
        await kiosk.ConnectAsync();
        await kiosk.LoginAsync(TestServer.KioskA, TestServer.KioskAPassword);
        Assert.Equal("Alpha Main", (await kiosk.ScStatusAsync()).LibraryName);
    }

    [Fact]
    public async Task Stalled_handshakes_count_against_the_per_address_cap()
    {
        using var certificate = TestServer.CreateCertificate();
        var time = new WatchedFakeTimeProvider();
        await using var server = await TestServer.StartAsync(o => o with { MaxConnectionsPerAddress = 2 }, time, certificate);

        // 127.0.0.2 logs in by its address alone: its connections are bound, so none can be evicted for a newcomer.
        using var first = await StalledAsync(server, time, "127.0.0.2");
        using var second = await StalledAsync(server, time, "127.0.0.2");
        using var third = await server.RawAsync("127.0.0.2");

        Assert.True(await third.WaitForCloseAsync());
        Assert.Equal(2, server.Server.Handler.ConnectionCount);
        Assert.Contains(server.Logs.Lines, l => l.Contains("too many connections from this address", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Handshakes_in_flight_are_capped()
    {
        using var certificate = TestServer.CreateCertificate();
        var time = new WatchedFakeTimeProvider();
        await using var server = await TestServer.StartAsync(o => o with { MaxTlsHandshakes = 2 }, time, certificate);

        var first = await StalledAsync(server, time, "127.0.0.1");
        var second = await StalledAsync(server, time, "127.0.0.2");
        using var third = await server.RawAsync("127.0.0.1");

        Assert.True(await third.WaitForCloseAsync());
        Assert.Contains(server.Logs.Lines, l => l.Contains("too many TLS handshakes in progress", StringComparison.Ordinal));

        // Once the stalled ones go, a kiosk gets its handshake.
        first.Dispose();
        second.Dispose();
        await server.Logs.WaitForAsync(l => l.Contains("TLS handshake with 127.0.0.2 failed", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        await server.Logs.WaitForAsync(l => l.Contains("TLS handshake with 127.0.0.1 failed", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        await using var kiosk = server.Client(tls: true, localAddress: "127.0.0.2");
        await kiosk.ConnectAsync();
        Assert.Equal("Alpha Main", (await kiosk.ScStatusAsync()).LibraryName);
    }

    [Fact]
    public async Task A_handshake_that_never_comes_is_cut_off_at_the_handshake_deadline()
    {
        var time = new WatchedFakeTimeProvider();
        using var certificate = TestServer.CreateCertificate();
        await using var server = await TestServer.StartAsync(o => o with { TlsHandshakeTimeout = TimeSpan.FromSeconds(10), PartialMessageTimeout = TimeSpan.FromMinutes(5) }, time, certificate);
        var timers = time.Timers;
        using var stalled = await server.RawAsync("127.0.0.1");
        await time.TimerCreatedAfterAsync(timers); // admitted; the handshake's deadline is set

        time.Advance(TimeSpan.FromSeconds(10));

        Assert.True(await stalled.WaitForCloseAsync());
        Assert.Equal(0, server.Server.Handler.ConnectionCount);
    }

    [Fact]
    public async Task Blank_lines_are_not_activity_so_a_client_sending_lone_line_feeds_is_closed_at_the_idle_timeout()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await TestServer.StartAsync(o => o with { IdleTimeout = TimeSpan.FromSeconds(60) }, time);
        using var kiosk = await server.AdmittedAsync("127.0.0.2");

        for (var i = 0; i < 3; i++)
        {
            var waiting = server.Server.Handler.IdleAsync(next: true);
            await kiosk.SendAsync("\n");
            await waiting; // the server took the line feed and waits again
            await FakeClock.AdvanceAsync(server.Server.Handler, time, TimeSpan.FromSeconds(25));
        }

        Assert.True(await kiosk.WaitForCloseAsync());
        Assert.Contains(server.Logs.Lines, l => l.Contains("idle timeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stranger_holding_every_slot_of_a_shared_address_is_evicted_for_a_kiosk_that_logs_in()
    {
        await using var server = await TestServer.StartAsync(o => o with { MaxConnectionsPerAddress = 3 });
        var strangers = new List<RawKiosk>();
        for (var i = 0; i < 3; i++)
        {
            strangers.Add(await server.AdmittedAsync("127.0.0.1")); // never log in
        }

        using var kiosk = await server.RawAsync("127.0.0.1");
        await kiosk.SendAsync(ReplayTests.WithChecksum(LoginA) + "\r");
        Assert.StartsWith("941", await kiosk.ReceiveAsync(), StringComparison.Ordinal);
        Assert.True(await strangers[0].WaitForCloseAsync(), "the oldest connection not logged in made room");
        Assert.Contains(server.Logs.Lines, l => l.Contains("evicted", StringComparison.Ordinal));
        strangers.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task A_registration_is_capped_on_its_own_so_one_kiosk_cannot_take_an_addresss_slots()
    {
        await using var server = await TestServer.StartAsync(o => o with { MaxConnectionsPerRegistration = 2 });

        // Logged in by login id: the third login of the registration is refused and closed.
        using var a1 = await LoggedInAsync(server);
        using var a2 = await LoggedInAsync(server);
        using var a3 = await server.RawAsync();
        await a3.SendAsync(ReplayTests.WithChecksum(LoginA) + "\r");
        Assert.StartsWith("940", await a3.ReceiveAsync(), StringComparison.Ordinal);
        Assert.True(await a3.WaitForCloseAsync());

        // Bound by address: the third connection is refused at admission.
        using var b1 = await server.AdmittedAsync("127.0.0.2");
        using var b2 = await server.AdmittedAsync("127.0.0.2");
        using var b3 = await server.RawAsync("127.0.0.2");
        Assert.True(await b3.WaitForCloseAsync());
        Assert.Contains(server.Logs.Lines, l => l.Contains("too many connections for the registration", StringComparison.Ordinal));

        // Another registration on the same address still gets in.
        await using var other = server.Client();
        await other.ConnectAsync();
        await other.LoginAsync(TestServer.KioskB, TestServer.KioskBPassword);
    }

    [Fact]
    public async Task Refused_connections_from_one_address_are_one_line_then_one_count_per_interval()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await TestServer.StartAsync(time: time);
        for (var i = 0; i < 50; i++)
        {
            using var stranger = await server.RawAsync("127.0.0.9");
            Assert.True(await stranger.WaitForCloseAsync());
        }

        Assert.Single(server.Logs.Lines, l => l.StartsWith("Warning ", StringComparison.Ordinal) && l.Contains("127.0.0.9", StringComparison.Ordinal));
        await FakeClock.AdvanceAsync(server.Server.Handler, time, TimeSpan.FromSeconds(60));
        var count = await server.Logs.WaitForAsync(l => l.Contains("more connections from 127.0.0.9", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Contains("49 more connections from 127.0.0.9 refused", count, StringComparison.Ordinal);
        Assert.Equal(2, server.Logs.Lines.Count(l => l.StartsWith("Warning ", StringComparison.Ordinal) && l.Contains("127.0.0.9", StringComparison.Ordinal)));
    }

    // A connection to the TLS endpoint, admitted and waiting for its ClientHello (its handshake deadline is set).
    private static async Task<RawKiosk> StalledAsync(TestServer server, WatchedFakeTimeProvider time, string address)
    {
        var seen = time.Timers;
        var kiosk = await server.RawAsync(address);
        await time.TimerCreatedAfterAsync(seen);
        return kiosk;
    }

    private static async Task<RawKiosk> LoggedInAsync(TestServer server)
    {
        var kiosk = await server.RawAsync();
        await kiosk.SendAsync(ReplayTests.WithChecksum(LoginA) + "\r");
        Assert.StartsWith("941", await kiosk.ReceiveAsync(), StringComparison.Ordinal);
        return kiosk;
    }
}
