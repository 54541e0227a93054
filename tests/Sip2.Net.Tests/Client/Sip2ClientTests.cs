using System.IO;
using System.Threading;
using System.Threading.Tasks;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Sip2.Net.Client;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Tests.Client;

public sealed partial class Sip2ClientTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(200);

    private static Sip2ClientOptions Options(Sip2TestServer server) => new()
    {
        Host = "127.0.0.1",
        Port = server.Port,
        InstitutionId = "main",
        TerminalPassword = "term-secret",
        LocationCode = "desk1",
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ResponseTimeout = TimeSpan.FromSeconds(5),
    };

    private static async Task<Sip2Client> ConnectAsync(Sip2ClientOptions options)
    {
        var client = new Sip2Client(options);
        await client.ConnectAsync();
        return client;
    }

    public static TheoryData<string> TypedMethods => new(Cases.Keys);

    // Each typed method, the request it must send, and a check of the typed response.
    private static readonly Dictionary<string, (Func<Sip2Client, Task<Sip2Message>> Call, Sip2Command Sent, Action<Sip2Message, Sip2Message> Check)> Cases = new()
    {
        ["Login"] = (async c => await c.LoginAsync("kiosk", "pw"), Sip2Command.Login,
            (req, res) => { Assert.Equal("kiosk", ((LoginRequest)req).LoginUserId); Assert.Equal("desk1", ((LoginRequest)req).LocationCode); Assert.True(((LoginResponse)res).Ok); }),
        ["ScStatus"] = (async c => await c.ScStatusAsync(), Sip2Command.ScStatus,
            (req, res) => { Assert.Equal("2.00", ((ScStatusRequest)req).ProtocolVersion); Assert.True(((AcsStatusResponse)res).OnlineStatus); }),
        ["PatronStatus"] = (async c => await c.PatronStatusAsync("p1", "1234"), Sip2Command.PatronStatusRequest,
            (req, res) => { Assert.Equal("1234", ((PatronStatusRequest)req).PatronPassword); Assert.Equal("p1", ((PatronStatusResponse)res).PatronIdentifier); }),
        ["PatronInformation"] = (async c => await c.PatronInformationAsync("p1", PatronSummary.ChargedItems, 2, 3), Sip2Command.PatronInformation,
            (req, res) =>
            {
                var r = (PatronInformationRequest)req;
                Assert.Equal((PatronSummary.ChargedItems, 2, 3), (r.Summary, r.StartItem, r.EndItem));
                Assert.Equal(["item2", "item3"], ((PatronInformationResponse)res).ChargedItems);
            }),
        ["Checkout"] = (async c => await c.CheckoutAsync("p1", "i1"), Sip2Command.Checkout,
            (req, res) => { Assert.Equal("term-secret", ((CheckoutRequest)req).TerminalPassword); Assert.True(((CheckoutResponse)res).Ok); }),
        ["Checkin"] = (async c => await c.CheckinAsync("i1"), Sip2Command.Checkin,
            (req, res) => { Assert.Equal("desk1", ((CheckinRequest)req).CurrentLocation); Assert.Equal("Stacks", ((CheckinResponse)res).PermanentLocation); }),
        ["Renew"] = (async c => await c.RenewAsync("p1", "i1"), Sip2Command.Renew,
            (req, res) => { Assert.Equal("i1", ((RenewRequest)req).ItemIdentifier); Assert.True(((RenewResponse)res).RenewalOk); }),
        ["RenewAll"] = (async c => await c.RenewAllAsync("p1"), Sip2Command.RenewAll,
            (req, res) => Assert.Equal(2, ((RenewAllResponse)res).RenewedCount)),
        ["FeePaid"] = (async c => await c.FeePaidAsync("p1", 3.5m, "USD", FeeType.Overdue, PaymentType.CreditCard, transactionId: "t9"), Sip2Command.FeePaid,
            (req, res) =>
            {
                var r = (FeePaidRequest)req;
                Assert.Equal(("3.50", FeeType.Overdue, PaymentType.CreditCard, "USD"), (r.FeeAmount?.Text, r.FeeType, r.PaymentType, r.CurrencyType));
                Assert.Equal("t9", ((FeePaidResponse)res).TransactionId);
            }),
        ["Hold"] = (async c => await c.HoldAsync(HoldMode.Add, "p1", "i1", pickupLocation: "north"), Sip2Command.Hold,
            (req, res) => { Assert.Equal((HoldMode.Add, "north"), (((HoldRequest)req).HoldMode, ((HoldRequest)req).PickupLocation)); Assert.Equal(1, ((HoldResponse)res).QueuePosition); }),
        ["ItemInformation"] = (async c => await c.ItemInformationAsync("i1"), Sip2Command.ItemInformation,
            (req, res) => Assert.Equal(CirculationStatus.Available, ((ItemInformationResponse)res).CirculationStatus)),
        ["ItemStatusUpdate"] = (async c => await c.ItemStatusUpdateAsync("i1", "shelf 3"), Sip2Command.ItemStatusUpdate,
            (req, res) => Assert.Equal("shelf 3", ((ItemStatusUpdateResponse)res).ItemProperties)),
        ["BlockPatron"] = (async c => await c.BlockPatronAsync("p1", "card left in machine", cardRetained: true), Sip2Command.BlockPatron,
            (req, res) => { Assert.True(((BlockPatronRequest)req).CardRetained); Assert.Equal("Blocked Patron", ((PatronStatusResponse)res).PersonalName); }),
        ["PatronEnable"] = (async c => await c.PatronEnableAsync("p1"), Sip2Command.PatronEnable,
            (req, res) => Assert.Equal("p1", ((PatronEnableResponse)res).PatronIdentifier)),
        ["EndSession"] = (async c => await c.EndSessionAsync("p1"), Sip2Command.EndPatronSession,
            (req, res) => Assert.True(((EndPatronSessionResponse)res).EndSession)),
    };

    [Theory]
    [MemberData(nameof(TypedMethods))]
    public async Task Every_typed_method_sends_its_request_and_returns_the_typed_response(string name)
    {
        await using var server = new Sip2TestServer();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
        clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        await using var client = await ConnectAsync(Options(server) with { TimeProvider = clock });
        var (call, sent, check) = Cases[name];

        var response = await call(client);

        var request = Sip2MessageParser.Parse(server.Received.Single(), server.Codec).GetMessageOrThrow();
        Assert.Equal(sent, request.Command);
        Assert.Equal(0, Sip2MessageParser.Parse(server.Received.Single(), server.Codec).SequenceNumber);
        if (request.Descriptor.FindField(FieldId.InstitutionId) is not null)
        {
            Assert.Equal("main", request.GetField(FieldId.InstitutionId));
        }

        var dateIndex = request.Descriptor.FixedFields.ToList().FindIndex(f => f.PropertyName == "TransactionDate");
        if (dateIndex >= 0)
        {
            Assert.Equal("20260304    050607", request.FixedFieldTexts[dateIndex]);
        }

        check(request, response);
    }

    [Fact]
    public async Task Sequence_numbers_start_at_zero_advance_and_wrap_after_nine()
    {
        await using var server = new Sip2TestServer();
        await using var client = await ConnectAsync(Options(server));

        for (var i = 0; i < 12; i++)
        {
            await client.ScStatusAsync();
        }

        var sequences = server.Received.Select(f => Sip2MessageParser.Parse(f, server.Codec).SequenceNumber).ToList();
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1], sequences.Select(s => s!.Value));
        Assert.All(server.Received, f => Assert.True(Sip2MessageParser.Parse(f, server.Codec).HasChecksum));
    }

    [Fact]
    public async Task Without_error_detection_no_trailer_is_sent_and_none_is_needed()
    {
        await using var server = new Sip2TestServer();
        await using var client = await ConnectAsync(Options(server) with { ErrorDetection = false });

        var status = await client.ScStatusAsync();

        Assert.True(status.OnlineStatus);
        Assert.Equal("9900002.00", server.ReceivedText.Single());
    }

    [Fact]
    public async Task A_corrupted_response_is_answered_with_97_and_the_resent_response_is_used()
    {
        await using var server = new Sip2TestServer();
        await using var client = await ConnectAsync(Options(server));
        server.CorruptNext(1);

        var response = await client.PatronStatusAsync("p1");

        Assert.Equal("p1", response.PatronIdentifier);
        Assert.Equal("97AZFEF5", server.ReceivedText[1]);
        Assert.Equal(2, server.Received.Count);
    }

    [Fact]
    public async Task A_96_makes_the_client_resend_the_same_bytes_with_the_same_sequence_number()
    {
        await using var server = new Sip2TestServer();
        await using var client = await ConnectAsync(Options(server));
        await client.ScStatusAsync(); // AY0
        server.Answer96Next(2);

        var response = await client.CheckoutAsync("p1", "i1");

        Assert.True(response.Ok);
        var frames = server.Received.Skip(1).ToList();
        Assert.Equal(3, frames.Count);
        Assert.All(frames, f => Assert.Equal(frames[0], f));
        Assert.Equal(1, Sip2MessageParser.Parse(frames[0], server.Codec).SequenceNumber);
    }

    [Fact]
    public async Task Corrupted_responses_beyond_the_retry_budget_give_a_protocol_error()
    {
        await using var server = new Sip2TestServer();
        await using var client = await ConnectAsync(Options(server) with { RetryBudget = 2 });
        server.CorruptNext(100);

        var error = await Assert.ThrowsAsync<Sip2ProtocolException>(() => client.ScStatusAsync());

        Assert.Equal(Sip2ProtocolFailure.RetryBudgetExhausted, error.Failure);
        Assert.Equal(["97AZFEF5", "97AZFEF5"], server.ReceivedText.Skip(1));
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task Resend_requests_beyond_the_retry_budget_give_a_protocol_error()
    {
        await using var server = new Sip2TestServer();
        await using var client = await ConnectAsync(Options(server) with { RetryBudget = 1 });
        server.Answer96Next(5);

        var error = await Assert.ThrowsAsync<Sip2ProtocolException>(() => client.ItemInformationAsync("i1"));

        Assert.Equal(Sip2ProtocolFailure.RetryBudgetExhausted, error.Failure);
        Assert.Equal(2, server.Received.Count);
    }

    [Fact]
    public async Task A_stalled_server_times_out_and_the_connection_is_closed()
    {
        await using var server = new Sip2TestServer { Stall = true };
        await using var client = await ConnectAsync(Options(server) with { ResponseTimeout = Short });

        await Assert.ThrowsAsync<Sip2TimeoutException>(() => client.ScStatusAsync());

        Assert.False(client.IsConnected);
        await Assert.ThrowsAsync<Sip2ConnectionException>(() => client.ScStatusAsync());
    }

    [Fact]
    public async Task A_stalled_tls_handshake_times_out_the_connect()
    {
        await using var server = new Sip2TestServer(Sip2TestServer.CreateCertificate()) { StallHandshake = true };
        var client = new Sip2Client(Options(server) with { UseTls = true, ConnectTimeout = Short });

        await Assert.ThrowsAsync<Sip2TimeoutException>(() => client.ConnectAsync());
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Cancelling_a_request_throws_OperationCanceledException_not_a_timeout()
    {
        await using var server = new Sip2TestServer { Stall = true };
        await using var client = await ConnectAsync(Options(server));
        using var cancel = new CancellationTokenSource();

        var call = client.ScStatusAsync(cancellationToken: cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.False(client.IsConnected);
    }
}
