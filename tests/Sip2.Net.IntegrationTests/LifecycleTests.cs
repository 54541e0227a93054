using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Sip2.Net.Access;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Resolution;
using Sip2.Net.Server;
using static Sip2.Net.TestSupport.StoreSeeding;

namespace Sip2.Net.IntegrationTests;

public class LifecycleTests
{
    // Timeouts run on a fake clock: moved past the deadline once the server waits, then the kiosk sees the close.
    internal static async Task<bool> AdvanceUntilClosedAsync(TestServer server, FakeTimeProvider time, RawKiosk kiosk, TimeSpan span)
    {
        await FakeClock.AdvanceAsync(server.Server.Handler, time, span + FakeClock.Heartbeat);
        return await kiosk.WaitForCloseAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_connection_that_never_logs_in_is_closed_after_the_login_timeout()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await TestServer.StartAsync(o => o with { LoginTimeout = TimeSpan.FromSeconds(60) }, time);
        using var kiosk = await server.AdmittedAsync();
        await kiosk.SendAsync("9900302.00\r"); // status is allowed, but does not count as a login
        await kiosk.ReceiveAsync();

        Assert.True(await AdvanceUntilClosedAsync(server, time, kiosk, TimeSpan.FromSeconds(60)));
        Assert.Contains(server.Logs.Lines, l => l.Contains("login timeout"));
    }

    [Fact]
    public async Task A_silent_session_is_closed_after_the_idle_timeout()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await TestServer.StartAsync(o => o with { IdleTimeout = TimeSpan.FromMinutes(10) }, time);
        using var kiosk = await server.AdmittedAsync("127.0.0.2");
        await kiosk.SendAsync("9900302.00\r");
        await kiosk.ReceiveAsync();

        Assert.True(await AdvanceUntilClosedAsync(server, time, kiosk, TimeSpan.FromMinutes(10)));
        Assert.Contains(server.Logs.Lines, l => l.Contains("idle timeout"));
    }

    [Fact]
    public async Task Activity_moves_the_idle_deadline_on()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await TestServer.StartAsync(o => o with { IdleTimeout = TimeSpan.FromMinutes(10) }, time);
        using var kiosk = await server.AdmittedAsync("127.0.0.2");
        var started = time.GetUtcNow();
        await FakeClock.AdvanceAsync(server.Server.Handler, time, TimeSpan.FromMinutes(6));

        await kiosk.SendAsync("9900302.00\r");
        Assert.StartsWith("98", await kiosk.ReceiveAsync(), StringComparison.Ordinal);

        // The deadline moved from minute 10 to minute 16: nothing happens at 10, the heartbeat closes it at 16.
        await FakeClock.AdvanceAsync(server.Server.Handler, time, TimeSpan.FromMinutes(9));
        Assert.Equal(1, server.Server.Handler.ConnectionCount);
        Assert.True(await AdvanceUntilClosedAsync(server, time, kiosk, TimeSpan.FromMinutes(1)));
        Assert.InRange(time.GetUtcNow() - started, TimeSpan.FromMinutes(16), TimeSpan.FromMinutes(16) + FakeClock.Heartbeat);
        Assert.Contains(server.Logs.Lines, l => l.Contains("idle timeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_unfinished_message_is_closed_at_its_own_deadline_without_an_idle_timeout()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await TestServer.StartAsync(
            o => o with { IdleTimeout = Timeout.InfiniteTimeSpan, PartialMessageTimeout = TimeSpan.FromSeconds(30) }, time);
        using var kiosk = await server.AdmittedAsync("127.0.0.2");
        var handler = server.Server.Handler;
        var started = time.GetUtcNow();

        // A message finished in time: its deadline (second 30) is gone with it.
        var taken = handler.IdleAsync(next: true);
        await kiosk.SendAsync("99003");
        await taken;
        time.Advance(TimeSpan.FromSeconds(10));
        await kiosk.SendAsync("02.00\r");
        Assert.StartsWith("98", await kiosk.ReceiveAsync(), StringComparison.Ordinal);

        // The next one is never finished: due at second 50; with no idle timeout, nothing else would ever close it.
        await FakeClock.AdvanceAsync(handler, time, TimeSpan.FromSeconds(10));
        taken = handler.IdleAsync(next: true);
        await kiosk.SendAsync("990");
        await taken;
        await FakeClock.AdvanceAsync(handler, time, TimeSpan.FromSeconds(29));
        Assert.Equal(1, handler.ConnectionCount);
        Assert.True(await AdvanceUntilClosedAsync(server, time, kiosk, TimeSpan.FromSeconds(1)));
        Assert.InRange(time.GetUtcNow() - started, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(50) + FakeClock.Heartbeat + FakeClock.Heartbeat);
        Assert.Contains(server.Logs.Lines, l => l.Contains("message not completed in time", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_never_finished_is_closed_after_the_partial_message_timeout()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await TestServer.StartAsync(o => o with { PartialMessageTimeout = TimeSpan.FromSeconds(30) }, time);
        using var kiosk = await server.AdmittedAsync("127.0.0.2");
        await kiosk.SendAsync("9900302.00\r");
        await kiosk.ReceiveAsync();
        var taken = server.Server.Handler.IdleAsync(next: true);
        await kiosk.SendAsync("99003"); // and never the rest
        await taken;

        Assert.True(await AdvanceUntilClosedAsync(server, time, kiosk, TimeSpan.FromSeconds(30)));
        Assert.Contains(server.Logs.Lines, l => l.Contains("message not completed in time"));
    }

    [Fact]
    public async Task A_back_end_that_hangs_gets_a_failure_response_after_the_back_end_timeout()
    {
        var time = new WatchedFakeTimeProvider();
        await using var server = await TestServer.StartAsync(o => o with { BackendTimeout = TimeSpan.FromSeconds(5) }, time);
        using var kiosk = await server.AdmittedAsync("127.0.0.2");

        var timers = time.Timers;
        await kiosk.SendAsync("11YN20240417    083058                  AOalpha|AAslow|AB3900001|AC|\r");
        await time.TimerCreatedAfterAsync(timers); // the back-end timeout's
        time.Advance(TimeSpan.FromSeconds(5));
        var response = await kiosk.ReceiveAsync();

        // A refused checkout that tells the kiosk the library system is unavailable (try again), not that
        // something went wrong (see staff): the back end did not fail, it did not answer in time.
        Assert.StartsWith("120", response, StringComparison.Ordinal);
        Assert.Contains("|AF" + Sip2MessageCatalog.GetDefaultText(Sip2MessageScenario.BackEndUnavailable) + "|", response, StringComparison.Ordinal);
    }

    // docs/backend.md: the back-end timeout can only act on a call that returned a pending ValueTask. A call that
    // blocks its thread returns when it is done, complete, and its answer is sent however long it took.
    [Fact]
    public async Task A_back_end_that_blocks_its_thread_is_not_cut_short_by_the_back_end_timeout()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await TestServer.StartAsync(o => o with { BackendTimeout = TimeSpan.FromSeconds(5) }, time);
        using var kiosk = await server.AdmittedAsync("127.0.0.2");

        await kiosk.SendAsync("11YN20240417    083058                  AOalpha|AA" + CountingBackend.Blocks + "|AB3900001|AC|\r");
        await server.Backend.Entered.Task;
        time.Advance(TimeSpan.FromSeconds(30)); // six times the back-end timeout, while the call still holds its thread
        server.Backend.Gate.TrySetResult();
        var response = await kiosk.ReceiveAsync();

        Assert.StartsWith("121", response, StringComparison.Ordinal); // the back end's own answer: checked out
        Assert.DoesNotContain(Sip2MessageCatalog.GetDefaultText(Sip2MessageScenario.BackEndUnavailable), response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tls_sessions_work_with_a_certificate_made_here()
    {
        using var certificate = TestServer.CreateCertificate();
        await using var server = await TestServer.StartAsync(certificate: certificate);
        await using var client = server.Client(tls: true);
        await client.ConnectAsync();

        await client.LoginAsync(TestServer.KioskA, TestServer.KioskAPassword);

        Assert.True((await client.CheckoutAsync("p1", "3900001")).Ok);
    }

    [Fact]
    public async Task A_failed_tls_handshake_is_logged_once_and_costs_only_the_socket()
    {
        using var certificate = TestServer.CreateCertificate();
        await using var server = await TestServer.StartAsync(certificate: certificate);
        using var plain = await server.RawAsync();

        await plain.SendAsync("9900302.00\r"); // not a TLS hello

        Assert.True(await plain.WaitForCloseAsync());
        Assert.Single(server.Logs.Lines, l => l.StartsWith("Warning 1015", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Graceful_stop_lets_the_request_in_flight_finish()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = server.Client();
        await client.ConnectAsync();
        await client.LoginAsync(TestServer.KioskA, TestServer.KioskAPassword);

        await server.Server.StopAsync();

        Assert.Equal(0, server.Server.Handler.ConnectionCount);
        await Assert.ThrowsAnyAsync<Exception>(() => client.ScStatusAsync());
    }

    [Fact]
    public async Task Options_are_validated_when_the_server_is_built()
    {
        var policy = new Sip2RegistryAccessPolicy(new InMemorySip2RegistryStore(), new InMemorySip2RegistryStore());

        var error = Assert.Throws<ArgumentException>(() => new Sip2ConnectionHandler(policy, new CountingBackend(), new Sip2ServerOptions { MaxConnections = 0 }));
        Assert.Contains("MaxConnections", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_generic_host_runs_the_server_from_dependency_injection()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSip2Server(o => o with { Endpoints = [new Sip2ListenEndpoint { EndPoint = new(System.Net.IPAddress.Loopback, 0) }] })
            .AddBackend<CountingBackend>()
            .ConfigureRegistry(Sip2RegistryOptions.AllowLocalNetworks);
        using var host = builder.Build();
        var directory = host.Services.GetRequiredService<ISip2RegistryStore>();
        Must(directory.SaveInstitutionAsync(new Resolution.Sip2Institution { Id = "alpha" }));
        Must(directory.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "alpha", BranchId = "main" }));
        var registry = host.Services.GetRequiredService<ISip2ClientRegistry>();
        (await registry.CreateAsync(new Sip2ClientRegistration { IPAddress = System.Net.IPAddress.Parse("127.0.0.2"), InstitutionId = "alpha", BranchId = "main" })).GetValueOrThrow();

        await host.StartAsync();
        var port = host.Services.GetRequiredService<Sip2Server>().BoundEndpoints[0].Port;
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        socket.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Parse("127.0.0.2"), 0));
        await socket.ConnectAsync(System.Net.IPAddress.Loopback, port);
        using var kiosk = new RawKiosk(socket, Sip2Encoding.Ibm850);
        await kiosk.SendAsync("1720240417    083058AOalpha|AB1|\r");
        var response = await kiosk.ReceiveAsync();
        await host.StopAsync();

        Assert.StartsWith("18", response, StringComparison.Ordinal);
        Assert.Equal(1, ((CountingBackend)host.Services.GetRequiredService<ISip2Backend>()).CallsOf(Sip2Command.ItemInformation));
    }
}
