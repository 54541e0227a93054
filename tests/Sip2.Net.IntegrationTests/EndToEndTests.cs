using Sip2.Net.Messages;

namespace Sip2.Net.IntegrationTests;

public class EndToEndTests
{
    [Fact]
    public async Task Every_request_message_is_answered_through_the_real_socket()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = server.Client();
        await client.ConnectAsync();

        Assert.True((await client.LoginAsync(TestServer.KioskA, TestServer.KioskAPassword)).Ok);
        var status = await client.ScStatusAsync();
        Assert.True(status.OnlineStatus);
        Assert.Equal(300, status.TimeoutPeriod); // 30 s in tenths
        Assert.Equal(3, status.RetriesAllowed);
        Assert.Equal("alpha", status.InstitutionId);
        Assert.Equal("Alpha Main", status.LibraryName);
        Assert.Equal("Kiosk A", status.TerminalLocation);
        Assert.Equal(SupportedMessages.All, status.SupportedMessages);

        Assert.Equal("Jürgen Müller", (await client.PatronStatusAsync("p1", "1234")).PersonalName);
        Assert.Equal(PatronStatus.ChargePrivilegesDenied, (await client.BlockPatronAsync("p1", "card retained")).PatronStatus);
        Assert.True((await client.CheckoutAsync("p1", "3900001")).Ok);
        Assert.True((await client.CheckinAsync("3900001")).Ok);
        Assert.Equal(["3900001"], (await client.PatronInformationAsync("p1", PatronSummary.ChargedItems)).ChargedItems);
        Assert.True((await client.EndSessionAsync("p1")).EndSession);
        Assert.True((await client.FeePaidAsync("p1", 2.50m, "EUR")).PaymentAccepted);
        Assert.Equal(CirculationStatus.Available, (await client.ItemInformationAsync("3900001")).CirculationStatus);
        Assert.True((await client.ItemStatusUpdateAsync("3900001", "large print")).ItemPropertiesOk);
        Assert.True((await client.PatronEnableAsync("p1")).ValidPatron);
        Assert.Equal(2, (await client.HoldAsync(HoldMode.Add, "p1", "3900001")).QueuePosition);
        Assert.True((await client.RenewAsync("p1", "3900001")).Ok);
        Assert.Equal(1, (await client.RenewAllAsync("p1")).RenewedCount);

        foreach (var command in new[]
        {
            Sip2Command.PatronStatusRequest, Sip2Command.BlockPatron, Sip2Command.Checkout, Sip2Command.Checkin, Sip2Command.PatronInformation,
            Sip2Command.EndPatronSession, Sip2Command.FeePaid, Sip2Command.ItemInformation, Sip2Command.ItemStatusUpdate,
            Sip2Command.PatronEnable, Sip2Command.Hold, Sip2Command.Renew, Sip2Command.RenewAll,
        })
        {
            Assert.Equal(1, server.Backend.CallsOf(command));
        }
    }

    [Fact]
    public async Task A_message_the_branch_does_not_support_is_refused_without_reaching_the_back_end()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = server.Client();
        await client.ConnectAsync();
        await client.LoginAsync(TestServer.KioskB, TestServer.KioskBPassword);

        var renew = await client.RenewAsync("p1", "3900001");

        Assert.False(renew.Ok);
        Assert.NotEmpty(renew.ScreenMessages);
        Assert.Equal(0, server.Backend.CallsOf(Sip2Command.Renew));
        var status = await client.ScStatusAsync();
        Assert.Equal(SupportedMessages.All & ~SupportedMessages.Renew, status.SupportedMessages); // and the 98 says so
    }

    [Fact]
    public async Task A_back_end_exception_becomes_a_failure_response_and_the_session_goes_on()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = server.Client();
        await client.ConnectAsync();
        await client.LoginAsync(TestServer.KioskA, TestServer.KioskAPassword);

        var failed = await client.CheckoutAsync(CountingBackend.Explodes, "3900001");

        Assert.False(failed.Ok);
        Assert.Equal("3900001", failed.ItemIdentifier);
        Assert.NotEmpty(failed.ScreenMessages);
        Assert.DoesNotContain("on fire", failed.ScreenMessages[0], StringComparison.Ordinal);
        Assert.True((await client.CheckoutAsync("p1", "3900001")).Ok);
    }

    [Fact]
    public async Task Several_requests_in_one_packet_are_answered_in_order()
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await server.RawAsync("127.0.0.2", Sip2.Net.Encodings.Sip2Encoding.Utf8);

        await kiosk.SendAsync("9900302.00\r1720240417    083058AOalpha|AB1|\r1720240417    083058AOalpha|AB2|\r");

        Assert.StartsWith("98", await kiosk.ReceiveAsync(), StringComparison.Ordinal);
        Assert.Contains("AB1|", await kiosk.ReceiveAsync(), StringComparison.Ordinal);
        Assert.Contains("AB2|", await kiosk.ReceiveAsync(), StringComparison.Ordinal);
    }
}
