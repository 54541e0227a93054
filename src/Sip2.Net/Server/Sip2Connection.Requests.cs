using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;
using Sip2.Net.Resolution;

namespace Sip2.Net.Server;

internal sealed partial class Sip2Connection
{
    private const SupportedMessages BeforeLogin = SupportedMessages.Login | SupportedMessages.ScAcsStatus | SupportedMessages.RequestScAcsResend;

    private readonly record struct FrameOutcome(bool Wrote, string? Close);

    // What a request was answered with: the response, its outcome for the metrics, and why the connection must
    // close after it, if it must.
    private readonly record struct Answer(Sip2Message Response, string Outcome, string? Close = null);

    private Sip2RequestContext? requestContext;

    // Not an async method: a request answered at once (AnswerAsync's ValueTask complete) is written without a state
    // machine; only one that waits (a login, a back end that did not answer at once) goes on in AnsweredAsync.
    private ValueTask<FrameOutcome> HandleFrameAsync(ReadOnlySequence<byte> frame)
    {
        if (IsBlank(frame))
        {
            return default; // padding and empty lines are not messages
        }

        Interlocked.Increment(ref messageCount);
        Interlocked.Exchange(ref lastMessageTicks, handler.TimeProvider.GetUtcNow().UtcTicks);

        if (IsRequestScResend(frame))
        {
            // A 96 is the server's own request; one sent to the server is an echo or a confused client.
            // Answering it with a 96 would let two such ends trade them forever, so it gets no answer and
            // counts as unreadable: a stream of them is closed after MaxConsecutiveBadMessages.
            Log.ScResendNotAnswered(Logger, Id);
            return new(new FrameOutcome(false, ++consecutiveBadMessages >= Options.MaxConsecutiveBadMessages ? "too many unreadable messages" : null));
        }

        // The clock is read for the request's duration only when someone will see it (a metrics listener, debug logs).
        var timed = Sip2ConnectionHandler.Metrics.MessagesObserved || Logger.IsEnabled(LogLevel.Debug);
        var started = timed ? handler.TimeProvider.GetTimestamp() : 0;
        var options = State.Codec;
        Trace("<-", frame, options);
        var request = Sip2MessageParser.Parse(frame, options);
        if (request.Message is not { } message)
        {
            return new(WriteRequestScResend(request, options));
        }

        consecutiveBadMessages = 0;
        if (message is RequestAcsResend)
        {
            // The SC lost our last answer: send it again exactly as it went (its AY and AZ are still right).
            // Neither 96 nor 97 is ever remembered as the last response.
            if (lastResponse is null)
            {
                return new(WriteRequestScResend(request, options));
            }

            Resend("97");
            return new(new FrameOutcome(true, null));
        }

        if (request.HasChecksum && request.SequenceNumber is { } sequence)
        {
            if (lastRequestLength >= 0 && frame.Length == lastRequestLength && SequenceEquals(frame, lastRequest!) && lastResponse is not null)
            {
                // The same message with the same AY and checksum: a retransmission of a request we already
                // answered. Replay the answer rather than run it twice (no double checkout or payment).
                Resend("retransmitted request");
                return new(new FrameOutcome(true, null));
            }

            if (lastSequence is { } previous && sequence != Sip2SequenceNumber.Next(previous))
            {
                Log.SequenceGap(Logger, Id, sequence, previous);
            }

            lastSequence = sequence;
        }

        var answering = AnswerAsync(message);
        return answering.IsCompletedSuccessfully
            ? new(Answered(frame, request, answering.Result, timed, started))
            : AnsweredAsync(frame, request, answering, timed, started);
    }

#if NET8_0_OR_GREATER
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    private async ValueTask<FrameOutcome> AnsweredAsync(ReadOnlySequence<byte> frame, Sip2ParseResult request, ValueTask<Answer> answering, bool timed, long started) =>
        Answered(frame, request, await answering.ConfigureAwait(false), timed, started);

    // Writes the answer to a parsed request and remembers the request, for a retransmission.
    private FrameOutcome Answered(ReadOnlySequence<byte> frame, Sip2ParseResult request, Answer answer, bool timed, long started)
    {
        var options = State.Codec; // a login may have bound the session to another encoding or vendor profile
        Write(answer.Response, options, TrailerFor(request, options), remember: true);
        RememberRequest(frame, request.HasChecksum && request.SequenceNumber is not null);

        if (timed)
        {
            var command = request.Message!.Command;
            var elapsed = (handler.TimeProvider.GetTimestamp() - started) * 1000.0 / handler.TimeProvider.TimestampFrequency;
            Sip2ConnectionHandler.Metrics.Message(command, answer.Outcome, elapsed);
            Log.Request(Logger, Id, command, answer.Response.Command, elapsed);
        }

        return new FrameOutcome(true, answer.Close);
    }

    // Not async methods, down to the back end's call (AnswerAsync, CallBackendOnceAsync, CallBackendAsync): they
    // hand on the ValueTask of what they call, and only the waits (a login, a replay still running, a back end that
    // did not answer at once) are async methods, so a request answered at once runs no state machine of theirs.
    private ValueTask<Answer> AnswerAsync(Sip2Message message)
    {
        switch (message)
        {
            case LoginRequest login:
                return LoginAsync(login);
            case ScStatusRequest status:
                if (Binding is null && !Options.AllowScStatusBeforeLogin)
                {
                    return new(new Answer(Refuse(message, Sip2MessageScenario.LoginRequired), "refused", "status before login"));
                }

                return new(new Answer(AcsStatus(status), "ok"));
        }

        if (!message.Descriptor.IsRequest || !Sip2FailureResponses.Exists(message.Command))
        {
            // A response sent to us, or a message with no answer of its own: ask for the request again.
            return new(new Answer(new RequestScResend(), "bad"));
        }

        var state = State;
        if (state.Binding is null)
        {
            Log.RequestRefused(Logger, Id, message.Command, "not logged in");
            return new(new Answer(Refuse(message, Sip2MessageScenario.LoginRequired), "refused"));
        }

        if (!state.Supported.Allows(message.Command))
        {
            Log.RequestRefused(Logger, Id, message.Command, "not supported by the branch");
            return new(new Answer(Refuse(message, Sip2MessageScenario.MessageNotSupported), "refused"));
        }

        return CallBackendOnceAsync(message, state.Replays!);
    }

    // A state-changing request already received for this registration (a kiosk retransmitting after it lost
    // its connection) is answered with the earlier outcome, waiting for it if it is still running.
    private ValueTask<Answer> CallBackendOnceAsync(Sip2Message request, Sip2ReplayCache.Bucket replays)
    {
        handler.Replays.Begin(replays, request, out var earlier, out var claim);
        return earlier is null ? CallBackendAsync(request, claim) : ReplayAsync(request, replays, earlier);
    }

    private async ValueTask<Answer> ReplayAsync(Sip2Message request, Sip2ReplayCache.Bucket replays, Sip2ReplayCache.Entry earlier)
    {
        var response = earlier.Response;
        if (!response.IsCompleted)
        {
            var first = await Task.WhenAny(response, Timeouts.Delay(Options.BackendTimeout, handler.TimeProvider, aborted.Token)).ConfigureAwait(false);
            if (first != response)
            {
                aborted.Token.ThrowIfCancellationRequested();
                Log.ReplayStillRunning(Logger, Id, request.Command, Options.BackendTimeout.TotalMilliseconds);
                return new Answer(Refuse(request, Sip2MessageScenario.BackEndUnavailable), "timeout");
            }
        }

        if (await response.ConfigureAwait(false) is { } answer)
        {
            Sip2ConnectionHandler.Metrics.Resend();
            Log.ReplayedAcrossConnections(Logger, Id, request.Command);
            return new Answer(answer, "replayed");
        }

        // The earlier attempt failed in the back end and was forgotten: this one runs afresh.
        return await CallBackendOnceAsync(request, replays).ConfigureAwait(false);
    }

    private async ValueTask<Answer> LoginAsync(LoginRequest login)
    {
        var result = await handler.AccessPolicy.LoginAsync(Session!, login.LoginUserId, login.LoginPassword, aborted.Token).ConfigureAwait(false);
        // A refused login id is not logged: an operator may have typed the password into it.
        Log.Login(Logger, Id, result.Succeeded ? login.LoginUserId : "(not logged)", Address, result.Outcome);
        if (result.Succeeded)
        {
            loginDeadline = long.MaxValue;
        }

        var response = new LoginResponse { Ok = result.Succeeded };
        return new Answer(response, result.Succeeded ? "ok" : "refused", result.CloseConnection ? "too many failed logins" : null);
    }

    private AcsStatusResponse AcsStatus(ScStatusRequest status)
    {
        // Answer a SIP 1.x SC in its own major version; anything else (including junk such as "2.0E") is 2.00.
        var version = status.ProtocolVersion.StartsWith("1", StringComparison.Ordinal) ? "1.00" : "2.00";
        if (Binding is not { } binding)
        {
            return new AcsStatusResponse
            {
                OnlineStatus = true,
                DateTimeSync = Now,
                ProtocolVersion = version,
                SupportedMessages = BeforeLogin,
            };
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

    // Runs the request in the back end. A replay claim, when given, learns the back end's real outcome, even one
    // that comes after the kiosk was told the back end timed out.
    private ValueTask<Answer> CallBackendAsync(Sip2Message request, Sip2ReplayCache.Entry? claim)
    {
        var source = RentCallSource();
        var context = ContextFor(source.Token);
        ValueTask<Sip2Message> pending;
        try
        {
            pending = Dispatch(handler.Backend, request, context);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !aborted.IsCancellationRequested)
        {
            claim?.Failed();
            ReturnCallSource(source);
            Log.BackendFailed(Logger, exception, Id, request.Command);
            return new(new Answer(Refuse(request, Sip2MessageScenario.BackEndError), "failed"));
        }
        catch
        {
            claim?.Failed();
            throw;
        }

        if (pending.IsCompleted)
        {
            // A back end that answered at once (a cache, an in-memory system) needs no timeout timer.
            ReturnCallSource(source);
            try
            {
                var answered = Checked(request, pending);
                Settle(claim, answered.Outcome == "ok" ? answered.Response : null);
                return new(answered);
            }
            catch
            {
                claim?.Failed(); // the connection was aborted: nothing to remember
                throw;
            }
        }

        return WaitForBackendAsync(request, claim, source, pending);
    }

    // A back-end call that did not answer at once: waited for up to BackendTimeout.
    private async ValueTask<Answer> WaitForBackendAsync(Sip2Message request, Sip2ReplayCache.Entry? claim, CancellationTokenSource source, ValueTask<Sip2Message> pending)
    {
        using var owned = source; // a call that had to wait gets its source cancelled below: never reused
        var work = pending.AsTask();
        if (claim is not null)
        {
            _ = work.ContinueWith(
                static (t, state) => Settle((Sip2ReplayCache.Entry)state!, t.Status == TaskStatus.RanToCompletion ? t.Result : null),
                claim,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        var timeout = Timeouts.Delay(Options.BackendTimeout, handler.TimeProvider, source.Token);
        var first = await Task.WhenAny(work, timeout).ConfigureAwait(false);
        source.Cancel(); // stops the timer, or tells a late back end to give up
        if (first != work)
        {
            aborted.Token.ThrowIfCancellationRequested();
            _ = work.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            Log.BackendTimedOut(Logger, Id, Options.BackendTimeout.TotalMilliseconds, request.Command);
            return new Answer(Refuse(request, Sip2MessageScenario.BackEndUnavailable), "timeout");
        }

        return Checked(request, new ValueTask<Sip2Message>(work));
    }

    // The context handed to the back end. It only changes with the binding (a login) or the cancellation source
    // (a new one after a call that had to wait), so calls answered at once share one.
    private Sip2RequestContext ContextFor(CancellationToken cancellationToken)
    {
        if (requestContext is not { } context || !ReferenceEquals(context.Binding, Binding) || context.CancellationToken != cancellationToken)
        {
            requestContext = context = new Sip2RequestContext(Binding!, Address, Id, handler.Resolution, handler.Messages, handler.TimeProvider, cancellationToken);
        }

        return context;
    }

    // Hands a back-end outcome to the replay claim: a valid answer is kept, anything else forgotten.
    private static void Settle(Sip2ReplayCache.Entry? claim, Sip2Message? answer)
    {
        if (claim is null)
        {
            return;
        }

        if (answer is not null && answer.Command == claim.Request.Descriptor.ResponseCommand)
        {
            claim.Succeeded(answer);
        }
        else
        {
            claim.Failed();
        }
    }

    // The outcome of a finished back-end call.
    private Answer Checked(Sip2Message request, ValueTask<Sip2Message> work)
    {
        try
        {
            var response = work.GetAwaiter().GetResult();
            if (response is null || response.Command != request.Descriptor.ResponseCommand)
            {
                throw new InvalidOperationException($"The back end answered {request.Command} with {response?.Command.ToString() ?? "null"}.");
            }

            return new Answer(response, "ok");
        }
        catch (Exception exception) when (!aborted.IsCancellationRequested)
        {
            Log.BackendFailed(Logger, exception, Id, request.Command);
            return new Answer(Refuse(request, Sip2MessageScenario.BackEndError), "failed");
        }
    }

#if NET8_0_OR_GREATER
    // The cancellation source handed to the back end, kept across calls that finish at once (TryReset).
    private CancellationTokenSource? call;

    private CancellationTokenSource RentCallSource()
    {
        var source = call ?? CancellationTokenSource.CreateLinkedTokenSource(aborted.Token);
        call = null;
        return source;
    }

    private void ReturnCallSource(CancellationTokenSource source)
    {
        if (call is null && source.TryReset())
        {
            call = source;
        }
        else
        {
            source.Dispose();
        }
    }
#else
    private CancellationTokenSource RentCallSource() => CancellationTokenSource.CreateLinkedTokenSource(aborted.Token);

    private static void ReturnCallSource(CancellationTokenSource source) => source.Dispose();
#endif

    // By command code, a jump table, rather than by testing the request's type against each record in turn.
    private static ValueTask<Sip2Message> Dispatch(ISip2Backend backend, Sip2Message request, Sip2RequestContext context) => request.Command switch
    {
        Sip2Command.PatronStatusRequest => Up(backend.PatronStatusAsync((PatronStatusRequest)request, context)),
        Sip2Command.BlockPatron => Up(backend.BlockPatronAsync((BlockPatronRequest)request, context)),
        Sip2Command.Checkout => Up(backend.CheckoutAsync((CheckoutRequest)request, context)),
        Sip2Command.Checkin => Up(backend.CheckinAsync((CheckinRequest)request, context)),
        Sip2Command.PatronInformation => Up(backend.PatronInformationAsync((PatronInformationRequest)request, context)),
        Sip2Command.EndPatronSession => Up(backend.EndPatronSessionAsync((EndPatronSessionRequest)request, context)),
        Sip2Command.FeePaid => Up(backend.FeePaidAsync((FeePaidRequest)request, context)),
        Sip2Command.ItemInformation => Up(backend.ItemInformationAsync((ItemInformationRequest)request, context)),
        Sip2Command.ItemStatusUpdate => Up(backend.ItemStatusUpdateAsync((ItemStatusUpdateRequest)request, context)),
        Sip2Command.PatronEnable => Up(backend.PatronEnableAsync((PatronEnableRequest)request, context)),
        Sip2Command.Hold => Up(backend.HoldAsync((HoldRequest)request, context)),
        Sip2Command.Renew => Up(backend.RenewAsync((RenewRequest)request, context)),
        Sip2Command.RenewAll => Up(backend.RenewAllAsync((RenewAllRequest)request, context)),
        _ => throw new InvalidOperationException($"{request.Command} is not a back-end request."),
    };

    // Widens the back end's ValueTask<T> without allocating when it is already complete.
    private static ValueTask<Sip2Message> Up<T>(ValueTask<T> response)
        where T : Sip2Message => response.IsCompletedSuccessfully ? new ValueTask<Sip2Message>(response.Result) : new ValueTask<Sip2Message>(UpAsync(response));

    private static async Task<Sip2Message> UpAsync<T>(ValueTask<T> response)
        where T : Sip2Message => await response.ConfigureAwait(false);

    private Sip2Message Refuse(Sip2Message request, Sip2MessageScenario scenario) =>
        Sip2FailureResponses.TryFor(request, handler.Messages.GetText(scenario, Binding?.Institution.Id), Now) ?? new RequestScResend();

    private Sip2Timestamp Now => Sip2Timestamp.FromDateTimeOffset(handler.TimeProvider.GetUtcNow(), handler.TimeProvider.LocalTimeZone);

    private FrameOutcome WriteRequestScResend(Sip2ParseResult request, Sip2CodecOptions options)
    {
        var error = request.Error?.Code ?? Sip2ErrorCode.UnknownCommand;
        if (error is Sip2ErrorCode.ChecksumMismatch or Sip2ErrorCode.ChecksumMissing)
        {
            Sip2ConnectionHandler.Metrics.ChecksumError();
        }

        Log.BadMessage(Logger, Id, error);
        var withChecksum = options.ErrorDetection == Sip2ErrorDetectionMode.On
            || (options.ErrorDetection == Sip2ErrorDetectionMode.Auto && request.HasChecksum);
        Write(new RequestScResend(), options, withChecksum ? Sip2Trailer.WithChecksum() : Sip2Trailer.None, remember: false);
        Sip2ConnectionHandler.Metrics.Message(request.Command ?? 0, "bad", 0);
        return new FrameOutcome(true, ++consecutiveBadMessages >= Options.MaxConsecutiveBadMessages ? "too many unreadable messages" : null);
    }

    private static Sip2Trailer TrailerFor(Sip2ParseResult request, Sip2CodecOptions options) => options.ErrorDetection switch
    {
        Sip2ErrorDetectionMode.Off => Sip2Trailer.None,
        Sip2ErrorDetectionMode.On => Sip2Trailer.WithChecksum(request.SequenceNumber),
        _ => request.HasChecksum ? Sip2Trailer.WithChecksum(request.SequenceNumber) : Sip2Trailer.None,
    };

    // Writes a response to the transport; one to remember (not a 96) is kept for a 97 or a retransmission. Straight
    // to the transport: formatting never throws on a message's texts in any encoding (EncodingTests), so no half
    // message can be left there.
    private void Write(Sip2Message response, Sip2CodecOptions options, Sip2Trailer trailer, bool remember)
    {
        if (remember)
        {
            lastResponse = new Sent(response, options, trailer);
        }

        if (Logger.IsEnabled(LogLevel.Trace))
        {
            // Formatted once, for the wire and the trace.
            var bytes = Sip2MessageWriter.ToBytes(response, options, trailer);
            transport.Output.Write(bytes);
            Trace("->", new ReadOnlySequence<byte>(bytes), options);
            return;
        }

        Sip2MessageWriter.Write(transport.Output, response, options, trailer);
    }

    // The last response again, byte for byte: the same message, options and trailer (its AY and AZ are still right).
    private void Resend(string reason)
    {
        var sent = lastResponse!.Value;
        Sip2MessageWriter.Write(transport.Output, sent.Response, sent.Options, sent.Trailer);
        Sip2ConnectionHandler.Metrics.Resend();
        Log.Resent(Logger, Id, reason);
    }

    private void Trace(string direction, ReadOnlySequence<byte> bytes, Sip2CodecOptions options)
    {
        if (Logger.IsEnabled(LogLevel.Trace))
        {
            var masked = Sip2WireMask.Mask(options.Encoding.GetString(bytes.ToArray()).TrimEnd('\r', '\n'), options.FieldDelimiter);
            Log.Wire(Logger, Id, direction, masked);
        }
    }

    private void RememberRequest(ReadOnlySequence<byte> frame, bool remember)
    {
        lastRequestLength = -1;
        if (remember)
        {
            var length = (int)frame.Length;
            if (lastRequest is null || lastRequest.Length < length)
            {
                lastRequest = new byte[Math.Max(length, 256)];
            }

            frame.CopyTo(lastRequest);
            lastRequestLength = length;
        }
    }

    private static bool IsRequestScResend(ReadOnlySequence<byte> frame)
    {
        var first = frame.First.Span;
        if (first.Length >= 2)
        {
            return first[0] == (byte)'9' && first[1] == (byte)'6';
        }

        if (frame.Length < 2)
        {
            return false;
        }

        Span<byte> command = stackalloc byte[2]; // the two digits straddle two of the pipe's segments
        frame.Slice(0, 2).CopyTo(command);
        return command[0] == (byte)'9' && command[1] == (byte)'6';
    }

    // Blank unless a byte above the space comes first; a message's first byte is a digit, so this returns at once.
    private static bool IsBlank(ReadOnlySequence<byte> frame)
    {
        if (frame.IsSingleSegment)
        {
            return IsBlank(frame.First.Span);
        }

        foreach (var segment in frame)
        {
            if (!IsBlank(segment.Span))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b > (byte)' ')
            {
                return false;
            }
        }

        return true;
    }

    private static bool SequenceEquals(ReadOnlySequence<byte> frame, byte[] other)
    {
        var offset = 0;
        foreach (var segment in frame)
        {
            if (!segment.Span.SequenceEqual(other.AsSpan(offset, segment.Length)))
            {
                return false;
            }

            offset += segment.Length;
        }

        return true;
    }
}
