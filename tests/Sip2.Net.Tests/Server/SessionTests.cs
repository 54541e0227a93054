using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Sip2.Net.Access;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;
using Sip2.Net.Resolution;
using Sip2.Net.Server;
using Sip2.Net.Server.Internal;
using Sip2.Net.Vendors;

namespace Sip2.Net.Tests.Server;

/// <summary>The session state machine, byte arrays in, steps out: no socket, no thread, no clock but a fake one.</summary>
public sealed class SessionTests
{
    private static readonly Sip2ServerOptions Options = new() { MaxConsecutiveBadMessages = 3 };
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));

    private static byte[] Wire(string text) => Encoding.ASCII.GetBytes(text);

    private static string Text(SessionStep step) => Encoding.ASCII.GetString(step.Output ?? []);

    private static Sip2Message? Parsed(byte[]? output) => Sip2MessageParser.Parse(output, Sip2CodecOptions.Default).Message;

    // The frame of a message as a kiosk writes it, without its CR.
    private static byte[] Frame(Sip2Message message, int? sequence = 0) =>
        Sip2MessageWriter.ToBytes(message, Sip2CodecOptions.Default, sequence is { } ay ? Sip2Trailer.WithChecksum(ay) : Sip2Trailer.None)[..^1];

    private Sip2Session NewSession(bool bound, SupportedMessages supported = SupportedMessages.All)
    {
        var access = new Sip2AccessSession(IPAddress.Loopback);
        if (bound)
        {
            access.Bind(new Sip2SessionBinding
            {
                Registration = new Sip2ClientRegistration { Id = Guid.NewGuid(), IPAddress = IPAddress.Loopback, InstitutionId = "NORTH", BranchId = "MAIN" },
                Institution = new Sip2Institution { Id = "NORTH" },
                BranchConfiguration = new Sip2BranchConfiguration { InstitutionId = "NORTH", BranchId = "MAIN", SupportedMessages = supported, LibraryName = "Northfield" },
                VendorProfile = Sip2VendorProfileCatalog.Default,
                Scope = new Sip2ResolutionScope("NORTH", Sip2ResolutionLevel.LocalInstitutionOnly),
            });
        }

        return new Sip2Session(access, "c1", Options, new Sip2MessageCatalog(), time, NullLogger.Instance);
    }

    private Sip2Timestamp Now => Sip2Timestamp.FromDateTimeOffset(time.GetUtcNow(), time.LocalTimeZone);

    private CheckoutRequest Checkout(string item) => new()
    {
        TransactionDate = Now, InstitutionId = "NORTH", PatronIdentifier = "P1", ItemIdentifier = item, TerminalPassword = "",
    };

    private CheckoutResponse Lent(CheckoutRequest request) => new()
    {
        Ok = true, TransactionDate = Now, InstitutionId = "NORTH", PatronIdentifier = request.PatronIdentifier,
        ItemIdentifier = request.ItemIdentifier, TitleIdentifier = "T", DueDate = "20261225    120000",
    };

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n")]
    public void A_blank_line_is_no_message_and_gets_no_answer(string line)
    {
        Assert.Equal(StepKind.None, NewSession(bound: true).Receive(Wire(line)).Kind);
    }

    [Fact]
    public void Before_the_login_a_status_is_answered_with_the_login_messages_only_and_a_login_is_handed_out()
    {
        var session = NewSession(bound: false);
        var status = session.Receive(Frame(new ScStatusRequest { StatusCode = ScStatusCode.Ok, MaxPrintWidth = 40, ProtocolVersion = "2.00" }));
        var answer = Assert.IsType<AcsStatusResponse>(Parsed(status.Output));
        Assert.Equal(SupportedMessages.Login | SupportedMessages.ScAcsStatus | SupportedMessages.RequestScAcsResend, answer.SupportedMessages);

        var login = session.Receive(Frame(new LoginRequest { UidAlgorithm = '0', PwdAlgorithm = '0', LoginUserId = "k", LoginPassword = "pw" }, 1));
        Assert.Equal(StepKind.Login, login.Kind);
        Assert.Equal(1, login.Pending!.Trailer.SequenceNumber);
    }

    [Fact]
    public void A_request_before_the_login_is_refused_with_its_failure_response()
    {
        var step = NewSession(bound: false).Receive(Frame(Checkout("I1")));
        var refused = Assert.IsType<CheckoutResponse>(Parsed(step.Output));
        Assert.False(refused.Ok);
        Assert.Equal([Sip2MessageCatalog.GetDefaultText(Sip2MessageScenario.LoginRequired)], refused.ScreenMessages);
    }

    [Fact]
    public void A_request_the_branch_does_not_support_is_refused_and_a_supported_one_goes_to_the_back_end()
    {
        var session = NewSession(bound: true, SupportedMessages.All & ~SupportedMessages.Checkout);
        var refused = Assert.IsType<CheckoutResponse>(Parsed(session.Receive(Frame(Checkout("I1"))).Output));
        Assert.Equal([Sip2MessageCatalog.GetDefaultText(Sip2MessageScenario.MessageNotSupported)], refused.ScreenMessages);

        Assert.Equal(StepKind.Backend, session.Receive(Frame(new ItemInformationRequest { TransactionDate = Now, InstitutionId = "NORTH", ItemIdentifier = "I1" })).Kind);
    }

    [Fact]
    public void A_bad_checksum_gets_a_96_and_a_run_of_them_closes_the_session()
    {
        var session = NewSession(bound: true);
        var first = session.Receive(Wire("9900302.00AY1AZ0000"));
        Assert.StartsWith("96", Text(first), StringComparison.Ordinal);
        Assert.Null(first.Close);
        Assert.Null(session.Receive(Wire("9900302.00AY2AZ0000")).Close);
        Assert.Equal("too many unreadable messages", session.Receive(Wire("9900302.00AY3AZ0000")).Close);
    }

    [Fact]
    public void A_good_message_resets_the_count_of_bad_ones()
    {
        var session = NewSession(bound: true);
        session.Receive(Wire("9900302.00AY1AZ0000"));
        session.Receive(Wire("9900302.00AY2AZ0000"));
        session.Receive(Frame(new ScStatusRequest { StatusCode = ScStatusCode.Ok, MaxPrintWidth = 40, ProtocolVersion = "2.00" }, 3));
        Assert.Null(session.Receive(Wire("9900302.00AY4AZ0000")).Close);
    }

    [Fact]
    public void A_96_sent_to_the_server_gets_no_answer_and_counts_as_unreadable()
    {
        var session = NewSession(bound: true);
        var step = session.Receive(Wire("96AZFEF6"));
        Assert.Equal((StepKind.Write, 0), (step.Kind, step.Output!.Length));
        session.Receive(Wire("96AZFEF6"));
        Assert.Equal("too many unreadable messages", session.Receive(Wire("96AZFEF6")).Close);
    }

    [Fact]
    public void A_97_gets_the_last_answer_byte_for_byte_and_before_any_answer_a_96()
    {
        var session = NewSession(bound: true);
        Assert.StartsWith("96", Text(session.Receive(Frame(new RequestAcsResend(), null))), StringComparison.Ordinal);

        var status = session.Receive(Frame(new ScStatusRequest { StatusCode = ScStatusCode.Ok, MaxPrintWidth = 40, ProtocolVersion = "2.00" }, 5));
        var again = session.Receive(Frame(new RequestAcsResend(), null));
        Assert.Equal(status.Output, again.Output);
    }

    [Fact]
    public void A_retransmitted_checkout_is_answered_again_without_the_back_end_but_one_after_another_request_runs()
    {
        var session = NewSession(bound: true);
        var checkout = Frame(Checkout("I1"), 2);
        var first = session.Receive(checkout);
        Assert.Equal(StepKind.Backend, first.Kind);
        var answer = session.Answered(first.Pending!, Lent((CheckoutRequest)first.Pending!.Request));

        // The SC did not get the answer and sends the same bytes again: the same answer, no second loan.
        var resent = session.Receive(checkout);
        Assert.Equal((StepKind.Write, answer.Output), (resent.Kind, resent.Output));

        // After a checkin of the item, the identical checkout is a new request and runs.
        var checkin = session.Receive(Frame(new CheckinRequest { TransactionDate = Now, ReturnDate = Now, InstitutionId = "NORTH", ItemIdentifier = "I1", TerminalPassword = "" }, 3));
        Assert.Equal(StepKind.Backend, checkin.Kind);
        session.Answered(checkin.Pending!, new CheckinResponse { Ok = true, TransactionDate = Now, InstitutionId = "NORTH", ItemIdentifier = "I1", PermanentLocation = "Main" });
        Assert.Equal(StepKind.Backend, session.Receive(checkout).Kind);
    }

    [Fact]
    public void A_checkout_sent_again_after_the_retransmission_window_runs_again()
    {
        var session = NewSession(bound: true);
        var checkout = Frame(Checkout("I1"), 2);
        var first = session.Receive(checkout);
        session.Answered(first.Pending!, Lent((CheckoutRequest)first.Pending!.Request));

        // The branch's window is its timeout times its retries: 30 s × 3.
        time.Advance(TimeSpan.FromSeconds(91));
        Assert.Equal(StepKind.Backend, session.Receive(checkout).Kind);
    }
}
