using System;
using Microsoft.Extensions.Logging;
using Sip2.Net.Diagnostics.Internal;
using Sip2.Net.Access;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;
using Sip2.Net.Resolution;

namespace Sip2.Net.Server.Internal;

/// <summary>
/// What one connection's SIP2 session knows and decides, without any I/O: its binding (through the access session),
/// the codec settings the binding implies, the last response (for 97) and the last state-changing request (for a
/// retransmission), error detection and 96, the supported-messages gate, and how many unreadable messages came in a
/// row. A frame in gives a step out: bytes to write, a login or a back-end request to run, or nothing. The connection
/// runs the step and hands the outcome back, and the session formats the answer with its vendor profile.
/// </summary>
internal sealed class Sip2Session
{
    // What a session that must log in first advertises in its 98, whatever a branch would allow.
    private const SupportedMessages BeforeLogin = SupportedMessages.Login | SupportedMessages.ScAcsStatus | SupportedMessages.RequestScAcsResend;

    private readonly Sip2ServerOptions options;
    private readonly ISip2MessageCatalog catalog;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly string id;
    private readonly Sip2ServerMetrics metrics;
    private Sip2SessionBinding? codecBinding;
    private Sip2CodecOptions codec;
    private byte[]? lastResponse;
    private byte[]? lastRequest;
    private DateTimeOffset lastRequestAt;
    private int? lastSequence;
    private int badInARow;

    public Sip2Session(Sip2AccessSession access, string connectionId, Sip2ServerOptions options, ISip2MessageCatalog catalog, TimeProvider time, ILogger logger, Sip2ServerMetrics? metrics = null)
    {
        Access = access;
        this.metrics = metrics ?? Sip2ServerMetrics.Shared;
        id = connectionId;
        this.options = options;
        this.catalog = catalog;
        this.time = time;
        this.logger = logger;
        codec = CodecFor(access.Binding);
        codecBinding = access.Binding;
    }

    public Sip2AccessSession Access { get; }

    public Sip2SessionBinding? Binding => Access.Binding;

    // How this session reads and writes: the binding's encoding and vendor profile, recomputed after a login rebinds it.
    public Sip2CodecOptions Codec
    {
        get
        {
            if (!ReferenceEquals(codecBinding, Access.Binding))
            {
                codecBinding = Access.Binding;
                codec = CodecFor(codecBinding);
            }

            return codec;
        }
    }

    private Sip2Timestamp Now => Sip2Timestamp.FromDateTimeOffset(time.GetUtcNow(), time.LocalTimeZone);

    /// <summary>What to do with one frame (without its terminator).</summary>
    public SessionStep Receive(ReadOnlySpan<byte> frame)
    {
        if (IsBlank(frame))
        {
            return default; // padding and empty lines are not messages, and not activity either
        }

        Trace("<-", frame);
        if (frame.Length >= 2 && frame[0] == (byte)'9' && frame[1] == (byte)'6')
        {
            // A 96 is the server's own request; one sent to the server is an echo or a confused client. Answering it
            // with a 96 would let two such ends trade them forever, so it gets no answer and counts as unreadable.
            ServerLog.ScResendNotAnswered(logger, id);
            return Bad(null);
        }

        var parsed = Sip2MessageParser.Parse(frame, Codec);
        if (parsed.Message is not { } request)
        {
            return Unreadable(parsed);
        }

        badInARow = 0;
        var trailer = TrailerFor(parsed);
        if (request is RequestAcsResend)
        {
            // The SC lost our last answer: send it again exactly as it went (its AY and AZ are still right).
            return lastResponse is null ? Unreadable(parsed) : Resent("97", lastResponse);
        }

        NoteSequence(parsed);
        var pending = new Pending(request, trailer, request.Descriptor.ChangesState ? frame.ToArray() : null);
        if (IsRetransmission(pending))
        {
            return Resent("retransmitted request", lastResponse!);
        }

        switch (request)
        {
            case LoginRequest:
                return new SessionStep(StepKind.Login, Pending: pending);
            case ScStatusRequest status when Binding is not null || options.AllowScStatusBeforeLogin:
                return Write(pending, AcsStatus(status));
            case ScStatusRequest:
                return Write(Format(new RequestScResend(), Sip2Trailer.None, remember: false), "status before login");
        }

        if (!request.Descriptor.IsBackendRequest)
        {
            // A response sent to us, or a message with no answer of its own: ask for the request again.
            return Write(Format(new RequestScResend(), trailer.HasChecksum ? Sip2Trailer.WithChecksum() : Sip2Trailer.None, remember: false));
        }

        if (Binding is not { } binding)
        {
            ServerLog.RequestRefused(logger, id, request.Command, "not logged in");
            return Write(pending, FailureResponses.For(request, catalog.GetText(Sip2MessageScenario.LoginRequired, null), Now)) with { Outcome = Outcomes.Refused };
        }

        if (!binding.BranchConfiguration.SupportedMessages.Allows(request.Command))
        {
            ServerLog.RequestRefused(logger, id, request.Command, "not supported by the branch");
            return Write(pending, FailureResponses.For(request, catalog.GetText(Sip2MessageScenario.MessageNotSupported, binding.Institution.Id), Now)) with { Outcome = Outcomes.Refused };
        }

        return new SessionStep(StepKind.Backend, Pending: pending);
    }

    /// <summary>The answer to a request the back end (or the pipeline in its place) answered.</summary>
    public SessionStep Answered(Pending pending, Sip2Message response) => Write(pending, response);

    /// <summary>The answer to a request the pipeline ran, with how it ended.</summary>
    public SessionStep Answered(Pending pending, RequestResult result) => Write(pending, result.Response) with { Outcome = result.Outcome };

    /// <summary>The answer to a login the access policy decided.</summary>
    public SessionStep LoginAnswered(Pending pending, Sip2LoginResult result) =>
        Write(pending, new LoginResponse { Ok = result.Succeeded }, result.CloseConnection ? "too many failed logins" : null) with { Outcome = Outcomes.For(result.Outcome) };

    // A retransmission: the state-changing request this connection answered last, byte for byte (so with the same AY
    // and checksum, or the same transaction date), again within the window. Anything else is a new request and runs.
    private bool IsRetransmission(Pending pending)
    {
        if (pending.Frame is not { } frame || lastRequest is null || options.RetransmissionScope == Sip2RetransmissionScope.Off
            || Binding is not { } binding || !frame.AsSpan().SequenceEqual(lastRequest)
            || time.GetUtcNow() - lastRequestAt > options.RetransmissionWindowFor(binding.BranchConfiguration))
        {
            return false;
        }

        return pending.Trailer.HasChecksum || HasTransactionDate(pending.Request);
    }

    internal static bool HasTransactionDate(Sip2Message request) =>
        request.FixedText(f => f.PropertyName == nameof(CheckoutRequest.TransactionDate)) is { } date && Sip2Timestamp.TryParse(date.AsSpan(), out _);

    private SessionStep Write(Pending pending, Sip2Message response, string? close = null)
    {
        var bytes = Format(response, pending.Trailer, remember: true);
        lastRequest = pending.Frame;
        lastRequestAt = time.GetUtcNow();
        return Write(bytes, close) with { Pending = pending }; // the request it answers, for its span and metrics
    }

    private static SessionStep Write(byte[] bytes, string? close = null) => new(StepKind.Write, bytes, Close: close);

    // Formats a response with the session's encoding, terminator and vendor profile; one to remember (every answer
    // but a 96) is kept for a 97, exactly as it went.
    private byte[] Format(Sip2Message response, Sip2Trailer trailer, bool remember)
    {
        var shaped = Binding is { } binding ? ResponseShaper.Apply(response, binding.VendorProfile) : response;
        var bytes = Sip2MessageWriter.ToBytes(shaped, Codec, trailer);
        Trace("->", bytes);
        if (remember)
        {
            lastResponse = bytes;
        }

        return bytes;
    }

    private SessionStep Resent(string reason, byte[] response)
    {
        metrics.Resend();
        ServerLog.Resent(logger, id, reason);
        Trace("->", response);
        return Write(response);
    }

    private SessionStep Unreadable(Sip2ParseResult parsed)
    {
        var error = parsed.Error?.Code ?? Sip2ErrorCode.UnknownCommand;
        if (error is Sip2ErrorCode.ChecksumMismatch or Sip2ErrorCode.ChecksumMissing)
        {
            metrics.ChecksumError();
        }

        ServerLog.BadMessage(logger, id, error);
        var withChecksum = Codec.ErrorDetection == Sip2ErrorDetectionMode.On || (Codec.ErrorDetection == Sip2ErrorDetectionMode.Auto && parsed.HasChecksum);
        return Bad(Format(new RequestScResend(), withChecksum ? Sip2Trailer.WithChecksum() : Sip2Trailer.None, remember: false));
    }

    // An unreadable message; a stream of them is closed, so a client and the server cannot trade 96s forever.
    private SessionStep Bad(byte[]? answer)
    {
        var close = ++badInARow >= options.MaxConsecutiveBadMessages ? "too many unreadable messages" : null;
        return Write(answer ?? [], close);
    }

    private Sip2Trailer TrailerFor(Sip2ParseResult request) => Codec.ErrorDetection switch
    {
        Sip2ErrorDetectionMode.Off => Sip2Trailer.None,
        Sip2ErrorDetectionMode.On => Sip2Trailer.WithChecksum(request.SequenceNumber),
        _ => request.HasChecksum ? Sip2Trailer.WithChecksum(request.SequenceNumber) : Sip2Trailer.None,
    };

    private void NoteSequence(Sip2ParseResult parsed)
    {
        if (parsed.HasChecksum && parsed.SequenceNumber is { } sequence)
        {
            if (lastSequence is { } previous && sequence != Sip2SequenceNumber.Next(previous))
            {
                ServerLog.SequenceGap(logger, id, sequence, previous);
            }

            lastSequence = sequence;
        }
    }

    private AcsStatusResponse AcsStatus(ScStatusRequest status)
    {
        // Answer a SIP 1.x SC in its own major version; anything else (including junk such as "2.0E") is 2.00.
        var version = status.ProtocolVersion.StartsWith("1", StringComparison.Ordinal) ? "1.00" : "2.00";
        if (Binding is not { } binding)
        {
            return new AcsStatusResponse { OnlineStatus = true, DateTimeSync = Now, ProtocolVersion = version, SupportedMessages = BeforeLogin };
        }

        var config = binding.BranchConfiguration;
        return new AcsStatusResponse
        {
            OnlineStatus = config.OnlineStatus,
            CheckinOk = config.CheckinOk,
            CheckoutOk = config.CheckoutOk,
            AcsRenewalPolicy = config.RenewalPolicy,
            StatusUpdateOk = config.StatusUpdateOk,
            OfflineOk = config.OfflineOk,
            TimeoutPeriod = config.AdvertisedTimeoutPeriod,
            RetriesAllowed = config.AdvertisedRetries,
            DateTimeSync = Now,
            ProtocolVersion = version,
            InstitutionId = binding.Institution.Id,
            LibraryName = config.LibraryName,
            // Status and resend always work, whatever the configuration says (the spec asks for Y).
            SupportedMessages = config.SupportedMessages | SupportedMessages.ScAcsStatus | SupportedMessages.RequestScAcsResend,
            TerminalLocation = config.TerminalLocation,
        };
    }

    private Sip2CodecOptions CodecFor(Sip2SessionBinding? binding) => new()
    {
        Encoding = binding?.Encoding ?? options.DefaultEncoding,
        ErrorDetection = options.ErrorDetection ?? binding?.VendorProfile.ErrorDetection ?? Sip2ErrorDetectionMode.Auto,
        ParseMode = options.ParseMode,
        Terminator = binding?.VendorProfile.Terminator ?? Sip2Terminator.Cr,
    };

    private void Trace(string direction, ReadOnlySpan<byte> bytes)
    {
        if (logger.IsEnabled(LogLevel.Trace))
        {
            var masked = Sip2WireMask.Mask(Codec.Encoding.GetString(bytes).TrimEnd('\r', '\n'), Codec.FieldDelimiter);
            ServerLog.Wire(logger, id, direction, masked);
        }
    }

    // Blank unless a byte above the space comes first; a message's first byte is a digit, so this returns at once.
    private static bool IsBlank(ReadOnlySpan<byte> frame)
    {
        foreach (var b in frame)
        {
            if (b > (byte)' ')
            {
                return false;
            }
        }

        return true;
    }
}
