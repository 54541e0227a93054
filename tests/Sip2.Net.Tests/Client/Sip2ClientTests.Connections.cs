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

// Connections, TLS, terminators, hostile servers, secrets and raw messages.
public sealed partial class Sip2ClientTests
{
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
