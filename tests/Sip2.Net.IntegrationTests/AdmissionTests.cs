using Sip2.Net.Client;
using Sip2.Net.Encodings;

namespace Sip2.Net.IntegrationTests;

public class AdmissionTests
{
    [Theory]
    [InlineData("127.0.0.9")] // no registration
    [InlineData("127.0.0.3")] // deactivated
    public async Task Unregistered_and_deactivated_addresses_are_closed_before_anything_is_read(string address)
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await server.RawAsync(address);

        Assert.True(await kiosk.WaitForCloseAsync());
        Assert.Contains(server.Logs.Lines, l => l.Contains("1004") && l.Contains(address));
    }

    [Fact]
    public async Task An_address_with_one_login_free_registration_is_served_at_once()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await server.RawAsync("127.0.0.2", Sip2Encoding.Utf8);

        await kiosk.SendAsync("9900302.00\r");

        Assert.Contains("AOalpha|", await kiosk.ReceiveAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kiosk_that_always_logs_in_on_a_login_free_address_is_accepted()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await server.RawAsync("127.0.0.2");

        await kiosk.SendAsync("9300CNanything|COwhatever|\r");

        Assert.Equal("941\r", await kiosk.ReceiveAsync());
    }

    [Fact]
    public async Task A_shared_address_must_log_in_before_circulation()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await server.RawAsync();

        await kiosk.SendAsync("9900302.00\r"); // allowed before login, offering only login, status and resend
        var status = await kiosk.ReceiveAsync();
        await kiosk.SendAsync("11YN20240417    083058                  AOalpha|AAp|ABi|AC|\r");
        var checkout = await kiosk.ReceiveAsync();

        Assert.Contains("BXNNNNYYYNNNNNNNNN|", status, StringComparison.Ordinal);
        Assert.StartsWith("120", checkout, StringComparison.Ordinal);
        Assert.Equal(0, server.Backend.CallsOf(Sip2.Net.Messages.Sip2Command.Checkout));
    }

    [Fact]
    public async Task Wrong_passwords_get_940_and_the_third_failure_closes_the_connection()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await server.RawAsync();

        for (var i = 0; i < 3; i++)
        {
            await kiosk.SendAsync("9300CNkiosk-a|COwrong|\r");
            Assert.Equal("940\r", await kiosk.ReceiveAsync());
        }

        Assert.True(await kiosk.WaitForCloseAsync());
    }

    [Fact]
    public async Task An_empty_password_never_logs_in()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await server.RawAsync();

        await kiosk.SendAsync("9300CNkiosk-a|CO|\r");

        Assert.Equal("940\r", await kiosk.ReceiveAsync());
    }

    [Fact]
    public async Task Login_switches_the_session_between_institutions_on_a_shared_address()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = server.Client();
        await client.ConnectAsync();

        await client.LoginAsync(TestServer.KioskA, TestServer.KioskAPassword);
        Assert.Equal("alpha", (await client.ScStatusAsync()).InstitutionId);
        // The back end's context follows the binding too (the server keeps one context while nothing changes).
        Assert.Equal("alpha", (await client.PatronStatusAsync("P1")).InstitutionId);
        await client.LoginAsync(TestServer.KioskB, TestServer.KioskBPassword);
        Assert.Equal("beta", (await client.ScStatusAsync()).InstitutionId);
        Assert.Equal("beta", (await client.PatronStatusAsync("P1")).InstitutionId);
        await Assert.ThrowsAsync<Sip2LoginRefusedException>(() => client.LoginAsync(TestServer.KioskA, "wrong"));
        Assert.Equal("beta", (await client.ScStatusAsync()).InstitutionId); // a failed login keeps the binding
    }

    [Fact]
    public async Task Deactivating_a_registration_ends_its_live_session()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await server.RawAsync("127.0.0.2");
        await kiosk.SendAsync("9900302.00\r");
        await kiosk.ReceiveAsync();

        (await server.Registry.DeactivateAsync(server.NoLoginRegistration.Id)).GetValueOrThrow();

        Assert.True(await kiosk.WaitForCloseAsync());
    }

    [Fact]
    public async Task Deleting_a_registration_ends_its_live_session()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await server.RawAsync("127.0.0.2");
        await kiosk.SendAsync("9900302.00\r");
        await kiosk.ReceiveAsync();

        (await server.Registry.DeleteAsync(server.NoLoginRegistration.Id)).GetValueOrThrow();

        Assert.True(await kiosk.WaitForCloseAsync());
    }

    [Fact]
    public async Task Connections_over_the_per_address_cap_are_closed()
    {
        await using var server = await TestServer.StartAsync(o => o with { MaxConnectionsPerAddress = 1 });
        using var first = await server.RawAsync("127.0.0.2");
        await first.SendAsync("9900302.00\r");
        await first.ReceiveAsync(); // the first one is in

        using var second = await server.RawAsync("127.0.0.2");

        Assert.True(await second.WaitForCloseAsync());
    }

    [Fact]
    public async Task A_client_bound_to_a_local_address_is_admitted_as_that_address()
    {
        await using var server = await TestServer.StartAsync();

        // 127.0.0.2 is registered without a login: the session is bound at once.
        await using var unattended = server.Client(localAddress: "127.0.0.2");
        await unattended.ConnectAsync();
        Assert.Equal("p1", (await unattended.PatronStatusAsync("p1", "1234")).PatronIdentifier);

        // 127.0.0.3's registration is deactivated: the server closes the connection unanswered.
        await using var refused = server.Client(localAddress: "127.0.0.3");
        await refused.ConnectAsync();
        await Assert.ThrowsAsync<Sip2ConnectionException>(() => refused.ScStatusAsync());
    }

    [Fact]
    public async Task A_local_address_the_machine_does_not_have_fails_to_connect_with_a_typed_error()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = server.Client(localAddress: "192.0.2.1"); // TEST-NET-1: never a local address
        await Assert.ThrowsAsync<Sip2ConnectionException>(() => client.ConnectAsync());
    }
}

public class SessionListTests
{
    [Fact]
    public async Task Live_sessions_are_listed_with_their_registration_and_traffic_and_an_operator_can_end_one()
    {
        await using var server = await TestServer.StartAsync();
        using var bound = await server.RawAsync("127.0.0.2");
        using var waiting = await server.RawAsync();
        await bound.SendAsync("9900302.00\r");
        await bound.ReceiveAsync();
        await waiting.SendAsync("9900302.00\r");
        await waiting.ReceiveAsync();

        var sessions = server.Server.Handler.GetSessions();
        Assert.Equal(2, sessions.Count);
        var kiosk = Assert.Single(sessions, s => s.RemoteAddress.ToString() == "127.0.0.2");
        Assert.Equal(server.NoLoginRegistration.Id, kiosk.RegistrationId);
        Assert.Equal("alpha", kiosk.InstitutionId);
        Assert.Equal(1, kiosk.MessageCount);
        Assert.NotNull(kiosk.LastMessageAt);
        Assert.Null(Assert.Single(sessions, s => s.RemoteAddress.ToString() == "127.0.0.1").RegistrationId);

        Assert.True(server.Server.Handler.EndSession(kiosk.ConnectionId));
        Assert.True(await bound.WaitForCloseAsync());
        Assert.False(server.Server.Handler.EndSession("no-such-connection"));
        Assert.Contains(server.Logs.Lines, l => l.Contains("1018") && l.Contains(kiosk.ConnectionId));
    }
}
