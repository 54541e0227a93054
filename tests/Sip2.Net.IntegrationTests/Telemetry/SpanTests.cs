using System.Diagnostics;
using Sip2.Net.Diagnostics;
using Sip2.Net.Encodings;

namespace Sip2.Net.IntegrationTests.Telemetry;

/// <summary>An <see cref="ActivityListener"/> hears every source of the process: these tests run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SpanGroup
{
    public const string Name = "Spans";
}

[Collection(SpanGroup.Name)]
public class SpanTests
{
    private const string Patron = "patron-4711-zz";
    private const string Item = "item-39000017-zz";
    private const string Pin = "pin-9876-zz";
    private const string TerminalPassword = "terminal-pass-42";

    [Fact]
    public async Task A_login_and_a_request_each_get_a_root_server_span_with_command_scope_and_outcome_and_nothing_of_the_message()
    {
        using var recorder = new SpanRecorder();
        using var outer = new Activity("test host starting the server").Start(); // the server's spans must not hang below it
        await using var server = await TestServer.StartAsync();
        outer.Stop();
        using (var kiosk = await server.RawAsync())
        {
            await kiosk.SendAsync($"9300CN{TestServer.KioskA}|CO{TestServer.KioskAPassword}|\r");
            Assert.StartsWith("941", await kiosk.ReceiveAsync());
            await kiosk.SendAsync($"11YN20240417    083058                  AOalpha|AA{Patron}|AB{Item}|AC{TerminalPassword}|AD{Pin}|\r");
            Assert.StartsWith("12", await kiosk.ReceiveAsync());
        }

        var login = recorder.Single(Sip2Telemetry.LoginActivityName, "93");
        Assert.Equal(ActivityKind.Server, login.Kind);
        Assert.Null(login.ParentId);
        Assert.Equal("accepted", SpanRecorder.Tag(login, Sip2Telemetry.OutcomeTag));
        Assert.Equal(TestServer.KioskA, SpanRecorder.Tag(login, Sip2Telemetry.LoginIdTag));
        Assert.Equal("alpha", SpanRecorder.Tag(login, Sip2Telemetry.InstitutionTag));
        Assert.Equal("alpha-main", SpanRecorder.Tag(login, Sip2Telemetry.BranchTag));
        Assert.NotNull(SpanRecorder.Tag(login, Sip2Telemetry.RegistrationIdTag));
        Assert.Equal("127.0.0.1", SpanRecorder.Tag(login, Sip2Telemetry.ClientAddressTag));

        var checkout = recorder.Single(Sip2Telemetry.RequestActivityName, "11");
        Assert.Equal(ActivityKind.Server, checkout.Kind);
        Assert.Null(checkout.ParentId);
        Assert.Equal("SIP2 Checkout", checkout.DisplayName);
        Assert.Equal("ok", SpanRecorder.Tag(checkout, Sip2Telemetry.OutcomeTag));
        Assert.Equal("alpha", SpanRecorder.Tag(checkout, Sip2Telemetry.InstitutionTag));
        Assert.Equal("alpha-main", SpanRecorder.Tag(checkout, Sip2Telemetry.BranchTag));
        Assert.Equal(SpanRecorder.Tag(login, Sip2Telemetry.ConnectionIdTag), SpanRecorder.Tag(checkout, Sip2Telemetry.ConnectionIdTag));
        Assert.Equal(ActivityStatusCode.Unset, checkout.Status);
        Assert.True(checkout.Duration > TimeSpan.Zero);

        foreach (var text in recorder.Stopped.SelectMany(SpanRecorder.Texts))
        {
            foreach (var secret in new[] { TestServer.KioskAPassword, Patron, Item, Pin, TerminalPassword })
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_refused_login_has_no_login_id_and_a_failing_back_end_marks_its_request_span_as_an_error()
    {
        using var recorder = new SpanRecorder();
        await using var server = await TestServer.StartAsync();
        using (var kiosk = await server.RawAsync())
        {
            await kiosk.SendAsync($"9300CN{TestServer.KioskAPassword}|CO{Pin}|\r"); // a password typed into the login id
            Assert.StartsWith("940", await kiosk.ReceiveAsync());
        }

        using (var kiosk = await server.RawAsync("127.0.0.2", Sip2Encoding.Utf8))
        {
            await kiosk.SendAsync($"23001{"20240417    083058"}AOalpha|AA{CountingBackend.Explodes}|AC|AD|\r");
            Assert.StartsWith("24", await kiosk.ReceiveAsync());
        }

        var login = recorder.Single(Sip2Telemetry.LoginActivityName, "93");
        Assert.Equal("refused", SpanRecorder.Tag(login, Sip2Telemetry.OutcomeTag));
        Assert.Null(login.GetTagItem(Sip2Telemetry.LoginIdTag));
        Assert.Null(login.GetTagItem(Sip2Telemetry.InstitutionTag));
        Assert.DoesNotContain(SpanRecorder.Texts(login), t => t.Contains(TestServer.KioskAPassword, StringComparison.Ordinal) || t.Contains(Pin, StringComparison.Ordinal));

        var failed = recorder.Single(Sip2Telemetry.RequestActivityName, "23");
        Assert.Equal("error", SpanRecorder.Tag(failed, Sip2Telemetry.OutcomeTag));
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal("127.0.0.2", SpanRecorder.Tag(failed, Sip2Telemetry.ClientAddressTag));
    }

    [Fact]
    public async Task With_no_listener_the_server_starts_no_span()
    {
        await using var server = await TestServer.StartAsync();
        Assert.False(Diagnostics.Internal.ServerActivities.Source.HasListeners());
        await using var client = server.Client();
        await client.ConnectAsync();
        await client.LoginAsync(TestServer.KioskA, TestServer.KioskAPassword);
        Assert.True((await client.ScStatusAsync()).OnlineStatus);
    }
}
