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

public sealed class Sip2ClientTests
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

    [Fact]
    public async Task A_refused_connection_is_a_connection_error()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var client = new Sip2Client(new Sip2ClientOptions { Host = "127.0.0.1", Port = port });

        await Assert.ThrowsAsync<Sip2ConnectionException>(() => client.ConnectAsync());
    }

    [Fact]
    public async Task Requests_before_connecting_are_a_connection_error()
    {
        await using var client = new Sip2Client(new Sip2ClientOptions { Host = "127.0.0.1" });

        await Assert.ThrowsAsync<Sip2ConnectionException>(() => client.ScStatusAsync());
    }

    [Fact]
    public async Task Tls_works_with_a_validation_callback_that_accepts_the_test_certificate()
    {
        await using var server = new Sip2TestServer(Sip2TestServer.CreateCertificate());
        var thumbprint = server.Certificate!.Thumbprint;
        await using var client = await ConnectAsync(Options(server) with
        {
            UseTls = true,
            TlsTargetHost = "localhost",
            RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == thumbprint,
        });

        var status = await client.ScStatusAsync();

        Assert.True(status.OnlineStatus);
    }

    [Fact]
    public async Task Tls_rejects_an_untrusted_certificate_by_default()
    {
        await using var server = new Sip2TestServer(Sip2TestServer.CreateCertificate());
        await using var client = new Sip2Client(Options(server) with { UseTls = true, TlsTargetHost = "localhost" });

        var error = await Assert.ThrowsAsync<Sip2ConnectionException>(() => client.ConnectAsync());

        Assert.Contains("TLS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_callers_are_serialised_one_request_at_a_time()
    {
        await using var server = new Sip2TestServer { ResponseDelay = TimeSpan.FromMilliseconds(2) };
        await using var client = await ConnectAsync(Options(server));

        var calls = Enumerable.Range(0, 20).Select(i => client.PatronStatusAsync($"p{i}")).ToList();
        var responses = await Task.WhenAll(calls);

        Assert.False(server.Pipelined);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"p{i}"), responses.Select(r => r.PatronIdentifier));
        Assert.Equal(20, server.Received.Count);
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public async Task Responses_ending_in_CR_CRLF_or_LF_are_all_read(string terminator)
    {
        await using var server = new Sip2TestServer { Terminator = terminator };
        await using var client = await ConnectAsync(Options(server));

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await client.CheckoutAsync("p1", $"i{i}")).Ok);
        }
    }

    [Fact]
    public async Task The_CRLF_terminator_option_ends_requests_with_CRLF()
    {
        await using var server = new Sip2TestServer();
        await using var client = await ConnectAsync(Options(server) with { Terminator = Sip2Terminator.CrLf });

        await client.ScStatusAsync();

        Assert.EndsWith("\r\n", Encoding.ASCII.GetString(server.RawChunks.Single()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf8_text_round_trips_and_checksums_cover_the_utf8_bytes()
    {
        await using var server = new Sip2TestServer(encoding: Sip2Encoding.Utf8);
        await using var client = await ConnectAsync(Options(server) with { Encoding = Sip2Encoding.Utf8 });

        var response = await client.PatronStatusAsync("Jürgen");

        Assert.Equal("Zoë Ångström", response.PersonalName);
        Assert.Equal("Jürgen", response.PatronIdentifier);
    }

    [Fact]
    public async Task Garbage_from_the_server_is_a_protocol_error_and_the_connection_stays_usable()
    {
        await using var server = new Sip2TestServer { RawResponder = text => text.StartsWith("23", StringComparison.Ordinal) ? "hello there" : null };
        await using var client = await ConnectAsync(Options(server) with { ErrorDetection = false });

        var error = await Assert.ThrowsAsync<Sip2ProtocolException>(() => client.PatronStatusAsync("p1"));

        Assert.Equal(Sip2ProtocolFailure.UnparseableResponse, error.Failure);
        Assert.NotNull(error.ParseError);
        Assert.True((await client.ScStatusAsync()).OnlineStatus);
    }

    [Theory]
    [InlineData("9")]
    [InlineData("98")]
    [InlineData("24YYYY")]
    [InlineData("64|||||")]
    [InlineData("98YYYYYN0300032026AZ")]
    [InlineData("941AY9AZ0000")]
    [InlineData("941AY1AZzzzz")]
    [InlineData("96AZ1234")]
    [InlineData("\u0000\u0001\u0002")]
    [InlineData("ÿÿÿÿÿÿÿÿÿÿ")]
    public async Task Hostile_responses_give_a_response_or_a_Sip2Exception_never_anything_else(string reply)
    {
        await using var server = new Sip2TestServer { RawResponder = _ => System.Text.RegularExpressions.Regex.Unescape(reply) };
        await using var client = await ConnectAsync(Options(server) with { ResponseTimeout = Short, RetryBudget = 1 });

        var error = await Record.ExceptionAsync(() => client.LoginAsync("kiosk", "pw"));

        Assert.True(error is null or Sip2.Net.Protocol.Sip2Exception, $"Unexpected {error?.GetType().Name}: {error?.Message}");
    }

    [Fact]
    public async Task A_response_of_the_wrong_type_is_a_protocol_error()
    {
        await using var server = new Sip2TestServer { Responder = _ => new LoginResponse { Ok = true } };
        await using var client = await ConnectAsync(Options(server));

        var error = await Assert.ThrowsAsync<Sip2ProtocolException>(() => client.ScStatusAsync());

        Assert.Equal(Sip2ProtocolFailure.UnexpectedResponse, error.Failure);
        Assert.Equal(Sip2Command.LoginResponse, error.ResponseCommand);
    }

    [Fact]
    public async Task A_response_longer_than_the_cap_closes_the_connection()
    {
        await using var server = new Sip2TestServer { RawResponder = _ => "98" + new string('Y', 5000) };
        await using var client = await ConnectAsync(Options(server) with { MaxMessageLength = 1024 });

        var error = await Assert.ThrowsAsync<Sip2ProtocolException>(() => client.ScStatusAsync());

        Assert.Equal(Sip2ProtocolFailure.ResponseTooLong, error.Failure);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task A_server_that_closes_the_connection_gives_a_connection_error()
    {
        await using var server = new Sip2TestServer();
        await using var client = await ConnectAsync(Options(server));
        await server.DisposeAsync();

        await Assert.ThrowsAsync<Sip2ConnectionException>(() => client.ScStatusAsync());
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task A_refused_login_throws_without_the_password_in_the_message()
    {
        await using var server = new Sip2TestServer();
        await using var client = await ConnectAsync(Options(server));

        var error = await Assert.ThrowsAsync<Sip2LoginRefusedException>(() => client.LoginAsync("kiosk", "wrong"));

        Assert.DoesNotContain("wrong", error.Message, StringComparison.Ordinal);
        Assert.Contains("kiosk", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_never_reach_logs_or_the_wire_observer()
    {
        await using var server = new Sip2TestServer();
        var logger = new CapturingLogger();
        var wire = new List<string>();
        await using var client = await ConnectAsync(Options(server) with
        {
            Logger = logger,
            WireObserver = (direction, text) => { lock (wire) { wire.Add($"{direction} {text}"); } },
        });

        await client.LoginAsync("kiosk", "login-secret");
        await client.PatronStatusAsync("p1", "pin-secret");
        await client.SendRawAsync("9300CNkiosk|COraw-secret|", addTrailer: true);

        var everything = string.Join("\n", logger.Lines.Concat(wire));
        Assert.Contains("CO***", everything, StringComparison.Ordinal);
        Assert.Contains("AD***", everything, StringComparison.Ordinal);
        Assert.Contains("AC***", everything, StringComparison.Ordinal);
        Assert.Contains(logger.EventIds, id => id is >= 3000 and < 4000);
        foreach (var secret in new[] { "login-secret", "pin-secret", "term-secret", "raw-secret" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("term-secret", (Options(server) with { }).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raw_messages_get_a_valid_trailer_on_request_and_return_the_response_text()
    {
        await using var server = new Sip2TestServer();
        await using var client = await ConnectAsync(Options(server));

        var response = await client.SendRawAsync("9900302.00", addTrailer: true);

        var sent = Sip2MessageParser.Parse(server.Received.Single(), server.Codec);
        Assert.True(sent.IsSuccess);
        Assert.True(sent.HasChecksum);
        Assert.Equal(0, sent.SequenceNumber);
        Assert.StartsWith("98YYYYYN", response.Text, StringComparison.Ordinal);
        Assert.IsType<AcsStatusResponse>(response.Result.Message);
    }

    [Fact]
    public async Task Raw_messages_are_sent_as_written_without_a_trailer_by_default()
    {
        await using var server = new Sip2TestServer();
        await using var client = await ConnectAsync(Options(server));

        var response = await client.SendRawAsync("9900302.00");

        Assert.Equal("9900302.00", server.ReceivedText.Single());
        Assert.False(response.Result.HasChecksum);
    }

    [Fact]
    public async Task SendAsync_accepts_a_fully_built_request()
    {
        await using var server = new Sip2TestServer();
        await using var client = await ConnectAsync(Options(server));

        var response = await client.SendAsync<CheckoutResponse>(new CheckoutRequest
        {
            InstitutionId = "other", PatronIdentifier = "p9", ItemIdentifier = "refused", TerminalPassword = "",
        });

        Assert.False(response.Ok);
        Assert.Equal("other", response.InstitutionId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Options_without_a_host_are_rejected(string host) =>
        Assert.Throws<ArgumentException>(() => new Sip2Client(new Sip2ClientOptions { Host = host }));

    [Fact]
    public void Options_with_a_negative_retry_budget_are_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sip2Client(new Sip2ClientOptions { Host = "h", RetryBudget = -1 }));

    [Theory]
    [InlineData("9300CNkiosk|COpw|CPloc|AY0AZF000", "9300CNkiosk|CO***|CPloc|AY0AZF000")]
    [InlineData("2300120260101    000000AOmain|AApat|ACterm|ADpin|", "2300120260101    000000AOmain|AApat|AC***|AD***|")]
    [InlineData("42xxCOsecret|ADx", "42xxCO***|AD***")]
    [InlineData("23001", "23001")]
    public void Wire_text_masks_password_values(string text, string masked) =>
        Assert.Equal(masked, Sip2WireMask.Mask(text, '|'));

    private sealed class CapturingLogger : ILogger
    {
        public List<string> Lines { get; } = new();

        public List<int> EventIds { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
            {
                Lines.Add(formatter(state, exception) + " " + exception?.Message);
                EventIds.Add(eventId.Id);
            }
        }
    }
}
