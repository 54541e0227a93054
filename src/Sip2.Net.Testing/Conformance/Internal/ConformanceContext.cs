using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;
using Sip2.Net.Server;

namespace Sip2.Net.Testing.Conformance.Internal;

/// <summary>What every check works with: the options, connections (logged in when a login id is given), and requests.</summary>
internal sealed class ConformanceContext
{
    /// <summary>Identifiers no library has: requests that would change something go out with these.</summary>
    public const string NoSuchPatron = "CONFORMANCE-NO-SUCH-PATRON";

    /// <inheritdoc cref="NoSuchPatron"/>
    public const string NoSuchItem = "CONFORMANCE-NO-SUCH-ITEM";

    private SupportedMessages? supported;

    public ConformanceContext(Sip2ConformanceOptions options)
    {
        Options = options;
        Codec = new Sip2CodecOptions { Encoding = options.Encoding };
    }

    public Sip2ConformanceOptions Options { get; }

    /// <summary>Lenient reading that verifies a checksum when there is one.</summary>
    public Sip2CodecOptions Codec { get; }

    public bool HasLogin => !string.IsNullOrEmpty(Options.LoginId);

    public static Sip2Timestamp Now => Sip2Timestamp.Local(DateTime.Now);

    /// <summary>A connection, logged in when a login id is given; or why not.</summary>
    public async Task<(ConformanceConnection? Connection, Verdict Failure)> OpenAsync(CancellationToken cancellationToken, bool login = true)
    {
        var connection = await ConformanceConnection.OpenAsync(Options, cancellationToken);
        if (!login || !HasLogin)
        {
            return (connection, default);
        }

        var reply = await ExchangeAsync(connection, Frame(new LoginRequest { LoginUserId = Options.LoginId!, LoginPassword = Options.Password ?? "", LocationCode = Options.LocationCode }, 0), cancellationToken);
        if (Parse(reply) is LoginResponse { Ok: true })
        {
            return (connection, default);
        }

        await connection.DisposeAsync();
        return (null, Verdict.Fail($"could not log in as {Options.LoginId}: {Describe(reply)}"));
    }

    /// <summary>Sends and reads the answer.</summary>
    public async Task<Reply> ExchangeAsync(ConformanceConnection connection, byte[] request, CancellationToken cancellationToken) =>
        await connection.SendAsync(request, cancellationToken) ? await connection.ReadAsync(Options.ResponseTimeout, cancellationToken) : Reply.Closed;

    /// <summary>The messages the server's ACS Status (BX) says it supports, asked once per run; null when it did not say.</summary>
    public async Task<SupportedMessages?> SupportedAsync(CancellationToken cancellationToken)
    {
        if (supported is null)
        {
            var (connection, _) = await OpenAsync(cancellationToken);
            if (connection is not null)
            {
                await using (connection)
                {
                    supported = Parse(await ExchangeAsync(connection, Frame(Status(), 1), cancellationToken)) is AcsStatusResponse status ? status.SupportedMessages : null;
                }
            }
        }

        return supported;
    }

    /// <summary>A message as the SC sends it: with a sequence number and a checksum, or (null) without a trailer; ended by CR.</summary>
    public byte[] Frame(Sip2Message message, int? sequence) =>
        Sip2MessageWriter.ToBytes(message, Codec, sequence is null ? Sip2Trailer.None : Sip2Trailer.WithChecksum(sequence));

    /// <summary>Hand-written text (for layouts the writer would never produce), with AY, its checksum and a CR.</summary>
    public byte[] Raw(string text, int sequence)
    {
        var body = Options.Encoding.GetBytes(text + "AY" + sequence + "AZ");
        var checksum = Encoding.ASCII.GetBytes(Sip2Checksum.ToHex(Sip2Checksum.Compute(body)));
        return [.. body, .. checksum, (byte)'\r'];
    }

    /// <summary>The answer read leniently (a checksum, when there is one, verified); null for no answer or one that does not read.</summary>
    public Sip2Message? Parse(Reply reply) => reply.IsFrame ? Sip2MessageParser.Parse(reply.Frame, Codec).Message : null;

    /// <summary>
    /// Null when the answer reads (checksum verified when there is one) as <paramref name="expected"/> with the request's
    /// sequence number; otherwise what it was instead.
    /// </summary>
    public string? Mismatch(Reply reply, Sip2Command expected, int? sequence)
    {
        if (!reply.IsFrame)
        {
            return Describe(reply);
        }

        var read = Sip2MessageParser.Parse(reply.Frame, Codec);
        if (read.Message is null)
        {
            return $"{Describe(reply)} ({read.Error})";
        }

        if (read.Message.Command != expected)
        {
            return Describe(reply);
        }

        return sequence is not null && read.SequenceNumber != sequence
            ? $"{Describe(reply)} (AY{read.SequenceNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? " missing"} for a request with AY{sequence})"
            : null;
    }

    /// <summary>An answer for a detail line: its text with passwords masked, shortened; or what happened instead.</summary>
    public string Describe(Reply reply)
    {
        if (reply.Kind == ReplyKind.Closed)
        {
            return "the connection was closed";
        }

        if (reply.Kind == ReplyKind.TimedOut)
        {
            return $"no answer within {Options.ResponseTimeout.TotalSeconds:0.#} s";
        }

        var text = Sip2WireMask.Mask(Options.Encoding.GetString(reply.Frame), '|');
        return text.Length > 100 ? text.Substring(0, 100) + "..." : text;
    }

    public static ScStatusRequest Status() => new() { StatusCode = ScStatusCode.Ok, MaxPrintWidth = 80, ProtocolVersion = "2.00" };

    public PatronInformationRequest PatronInformation(string patron, string? pin) => new()
    {
        Language = Sip2Language.English, TransactionDate = Now, Summary = PatronSummary.None, InstitutionId = Options.InstitutionId,
        PatronIdentifier = patron, TerminalPassword = Options.TerminalPassword ?? "", PatronPassword = pin ?? "",
    };

    public ItemInformationRequest ItemInformation(string item) =>
        new() { TransactionDate = Now, InstitutionId = Options.InstitutionId, ItemIdentifier = item, TerminalPassword = Options.TerminalPassword ?? "" };

    /// <summary>
    /// A request of the given kind that changes nothing when it runs: the given patron and item only in requests that
    /// read (patron status and information, item information, end session), made-up identifiers in the others.
    /// </summary>
    public Sip2Message Harmless(Sip2Command command)
    {
        var patron = Options.PatronIdentifier ?? NoSuchPatron;
        var item = Options.ItemIdentifier ?? NoSuchItem;
        var terminal = Options.TerminalPassword ?? "";
        var institution = Options.InstitutionId;
        return command switch
        {
            Sip2Command.ScStatus => Status(),
            Sip2Command.Login => new LoginRequest { LoginUserId = Options.LoginId ?? "", LoginPassword = Options.Password ?? "", LocationCode = Options.LocationCode },
            Sip2Command.PatronStatusRequest => new PatronStatusRequest
            {
                Language = Sip2Language.English, TransactionDate = Now, InstitutionId = institution, PatronIdentifier = patron, TerminalPassword = terminal, PatronPassword = Options.PatronPassword ?? "",
            },
            Sip2Command.PatronInformation => PatronInformation(patron, Options.PatronPassword),
            Sip2Command.ItemInformation => ItemInformation(item),
            Sip2Command.EndPatronSession => new EndPatronSessionRequest { TransactionDate = Now, InstitutionId = institution, PatronIdentifier = patron, TerminalPassword = terminal },
            // Patron Enable unblocks a real patron: only ever sent for one no library has.
            Sip2Command.PatronEnable => new PatronEnableRequest { TransactionDate = Now, InstitutionId = institution, PatronIdentifier = NoSuchPatron, TerminalPassword = terminal },
            Sip2Command.Checkout => new CheckoutRequest
            {
                TransactionDate = Now, InstitutionId = institution, PatronIdentifier = NoSuchPatron, ItemIdentifier = NoSuchItem, TerminalPassword = terminal,
            },
            Sip2Command.Checkin => new CheckinRequest
            {
                TransactionDate = Now, ReturnDate = Now, CurrentLocation = "", InstitutionId = institution, ItemIdentifier = NoSuchItem, TerminalPassword = terminal,
            },
            Sip2Command.Renew => new RenewRequest { TransactionDate = Now, InstitutionId = institution, PatronIdentifier = NoSuchPatron, ItemIdentifier = NoSuchItem, TerminalPassword = terminal },
            Sip2Command.RenewAll => new RenewAllRequest { TransactionDate = Now, InstitutionId = institution, PatronIdentifier = NoSuchPatron, TerminalPassword = terminal },
            Sip2Command.FeePaid => new FeePaidRequest
            {
                TransactionDate = Now, FeeType = FeeType.Other, PaymentType = PaymentType.Cash, CurrencyType = "USD", FeeAmount = Sip2Amount.FromDecimal(0.01m),
                InstitutionId = institution, PatronIdentifier = NoSuchPatron, TerminalPassword = terminal,
            },
            Sip2Command.Hold => new HoldRequest
            {
                HoldMode = HoldMode.Add, TransactionDate = Now, InstitutionId = institution, PatronIdentifier = NoSuchPatron, ItemIdentifier = NoSuchItem, TerminalPassword = terminal,
            },
            Sip2Command.ItemStatusUpdate => new ItemStatusUpdateRequest
            {
                TransactionDate = Now, InstitutionId = institution, ItemIdentifier = NoSuchItem, TerminalPassword = terminal, ItemProperties = "conformance",
            },
            Sip2Command.BlockPatron => new BlockPatronRequest
            {
                TransactionDate = Now, InstitutionId = institution, BlockedCardMessage = "conformance check", PatronIdentifier = NoSuchPatron, TerminalPassword = terminal,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Not a request the checks send."),
        };
    }
}
