using System;
using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sip2.Net.Access;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Server;

/// <summary>
/// One client connection: reads frames, answers each in order, one request in flight at a time.
/// All state here belongs to the connection's single reading loop, so none of it needs locking, except the read
/// deadline, which the read timer's callback also reads (see ReadTimerFired).
/// </summary>
internal sealed partial class Sip2Connection : IDisposable
{
    private readonly Sip2ConnectionHandler handler;
    private readonly IDuplexPipe transport;
    private readonly CancellationTokenSource aborted;
    // The last response (for 97 and retransmissions), kept as the message and how it was written, and written
    // again the same way when asked for (formatting is a function of those three); and the last checksummed
    // request, in a buffer reused from message to message, made when first needed.
    private Sent? lastResponse;
    private byte[]? lastRequest;
    private int lastRequestLength = -1;
    private Bound? bound;
    // Read deadlines. A timer operation per read (arm, then disarm when the data came) was a measurable share of
    // a message's cost, so the deadline is a number the read loop writes, and one timer per connection checks it
    // only when it fires: early, after activity moved the deadline on, it sets itself for the new deadline; at or
    // past it, it cancels the pending read (PipeReader.CancelPendingRead), and the loop confirms on the clock.
    private readonly object readTimerLock = new();
    private ITimer? readTimer;
    // Both are read and written with Interlocked, which keeps them whole in a 32-bit process too.
    private long readDeadline = long.MaxValue; // TimeProvider timestamp the read in progress must finish by
    private long readTimerDue = long.MaxValue; // when the timer fires next (changed under readTimerLock)
    private CancellationTokenRegistration abortWatch; // see WatchForEnd
    private CancellationTokenRegistration stopWatch;
    private int? lastSequence;
    private int consecutiveBadMessages;
    private long loginDeadline;
    private string? abortReason;
    private long messageCount;
    private long lastMessageTicks; // UTC ticks, 0 before the first message; read by GetSessions on any thread

    public Sip2Connection(Sip2ConnectionHandler handler, IDuplexPipe transport, IPAddress address, string id, CancellationToken cancellationToken)
    {
        this.handler = handler;
        this.transport = transport;
        Address = address;
        Id = id;
        aborted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConnectedAt = handler.TimeProvider.GetUtcNow();
    }

    public DateTimeOffset ConnectedAt { get; }

    // What an operator sees of the connection (Sip2ConnectionHandler.GetSessions).
    public Sip2SessionInfo Describe()
    {
        var registration = Session?.Binding?.Registration;
        var last = Interlocked.Read(ref lastMessageTicks);
        return new Sip2SessionInfo
        {
            ConnectionId = Id,
            RemoteAddress = Address,
            ConnectedAt = ConnectedAt,
            LastMessageAt = last == 0 ? null : new DateTimeOffset(last, TimeSpan.Zero),
            MessageCount = Interlocked.Read(ref messageCount),
            RegistrationId = registration?.Id,
            LoginId = registration?.LoginId,
            InstitutionId = registration?.InstitutionId,
            BranchId = registration?.BranchId,
        };
    }

    public string Id { get; }

    public IPAddress Address { get; }

    public Sip2AccessSession? Session { get; private set; }

    // Why a read ended without data: an abort names its reason; otherwise the server is stopping, or the host
    // closed the transport (Kestrel's connection-closed token).
    private string EndReason => abortReason ?? (handler.Stopping.IsCancellationRequested ? "server stopped" : "connection closed by the host");

    /// <summary>Whether the connection was cut off (abort, server stop, its transport closed) rather than ending on its own.</summary>
    public bool IsAborted => aborted.IsCancellationRequested;

    private Sip2ServerOptions Options => handler.Options;

    private ILogger Logger => handler.Logger;

    // What the connection works with from its binding, rebuilt only when the binding changes (a login): one object
    // read per message, instead of the session's binding, its vendor profile, branch and registration each time.
    private Bound State
    {
        get
        {
            var binding = Session?.Binding;
            return bound is { } state && ReferenceEquals(state.Binding, binding) ? state : bound = new Bound(binding, handler);
        }
    }

    private Sip2SessionBinding? Binding => State.Binding;

    private sealed class Bound
    {
        public Bound(Sip2SessionBinding? binding, Sip2ConnectionHandler handler)
        {
            var options = handler.Options;
            Binding = binding;
            Codec = new Sip2CodecOptions
            {
                Encoding = binding?.Encoding ?? options.DefaultEncoding,
                ErrorDetection = options.ErrorDetection ?? binding?.VendorProfile.ErrorDetection ?? Sip2ErrorDetectionMode.Auto,
                ParseMode = options.ParseMode,
                Terminator = binding?.VendorProfile.Terminator ?? Sip2Terminator.Cr,
            };
            Supported = binding?.BranchConfiguration.SupportedMessages ?? default;
            Replays = binding is null ? null : handler.Replays.For(binding.Registration.Id);
        }

        public Sip2SessionBinding? Binding { get; }

        // The server's options never change, so only the binding decides these.
        public Sip2CodecOptions Codec { get; }

        public SupportedMessages Supported { get; }

        // The replay cache's entries of the binding's registration; null while unbound.
        public Sip2ReplayCache.Bucket? Replays { get; }
    }

    private readonly record struct Sent(Sip2Message Response, Sip2CodecOptions Options, Sip2Trailer Trailer);

    public void Abort(string reason)
    {
        abortReason ??= reason;
        try
        {
            aborted.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        abortWatch.Dispose();
        stopWatch.Dispose();
        readTimer?.Dispose();
#if NET8_0_OR_GREATER
        call?.Dispose();
#endif
        aborted.Dispose();
    }

    /// <summary>Runs the connection; returns why it ended.</summary>
    public async Task<string> RunAsync()
    {
        var admission = await handler.AccessPolicy.AdmitAsync(Address, aborted.Token).ConfigureAwait(false);
        if (!admission.IsAdmitted)
        {
            Sip2ConnectionHandler.Metrics.ConnectionRefused("not registered");
            Log.ConnectionRefused(Logger, Address, admission.Scenario?.ToString() ?? "refused");
            return "refused at admission";
        }

        Session = admission.Session;
        loginDeadline = Session.IsBound ? long.MaxValue : After(handler.TimeProvider.GetTimestamp(), Options.LoginTimeout);
        WatchForEnd();
        var input = transport.Input;
        long partialSince = 0; // when the unfinished message in the buffer started, or 0
        while (true)
        {
            ReadResult read;
            var deadline = NextDeadline(partialSince, out var timeoutReason);
            try
            {
                read = await ReadAsync(input, deadline).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return EndReason;
            }
            catch (System.IO.IOException)
            {
                // A reset from the client (or a half-open connection the network gave up on) is an end, not a
                // failure of the server.
                return "connection reset by the client";
            }

            if (read.IsCanceled)
            {
                if (aborted.IsCancellationRequested || handler.Stopping.IsCancellationRequested)
                {
                    return EndReason;
                }

                if (handler.TimeProvider.GetTimestamp() >= deadline)
                {
                    return timeoutReason;
                }

                // The timer fired just as data moved the deadline on: carry on with whatever came.
            }

            var (remaining, close) = await ProcessBufferAsync(read.Buffer).ConfigureAwait(false);
            if (close is not null)
            {
                input.AdvanceTo(remaining.Start);
                return close;
            }

            input.AdvanceTo(remaining.Start, remaining.End);
            if (read.IsCompleted)
            {
                return "client closed the connection";
            }

            // Part of a message is in: the client has PartialMessageTimeout from its first byte to finish it,
            // however slowly the rest trickles in.
            partialSince = remaining.IsEmpty ? 0 : partialSince == 0 ? handler.TimeProvider.GetTimestamp() : partialSince;
        }
    }

    // Not an async method: RunAsync awaits the pipe's read directly, so a read that waits for the client (all of
    // them, in a request/response protocol) does not box a state machine per message.
    private ValueTask<ReadResult> ReadAsync(PipeReader input, long deadline)
    {
        handler.Stopping.ThrowIfCancellationRequested();
        Interlocked.Exchange(ref readDeadline, deadline);
        if (deadline < Interlocked.Read(ref readTimerDue))
        {
            // Sooner than the timer is set for (a partial message's or the login's deadline): set it again. A later
            // deadline, the usual case, leaves the timer alone.
            lock (readTimerLock)
            {
                if (deadline < Interlocked.Read(ref readTimerDue))
                {
                    SetReadTimer(deadline);
                }
            }
        }

        return input.ReadAsync();
    }

    // Reads and flushes pass no token (each would cost a registration per message). Instead the read timer, an
    // abort and the server's stop cancel the pending pipe operation, through a timer and registrations made once:
    // an abort ends a read or a flush (a client that does not take its answers), the server's stop only a read
    // (a request in flight still gets its answer).
    private void WatchForEnd()
    {
        // From the TimeProvider, so tests drive the timeouts with a fake clock.
        readTimer = handler.TimeProvider.CreateTimer(static state => ((Sip2Connection)state!).ReadTimerFired(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
#if NET8_0_OR_GREATER
        abortWatch = aborted.Token.UnsafeRegister(static transport => CancelPending((IDuplexPipe)transport!), transport);
        stopWatch = handler.Stopping.UnsafeRegister(static input => CancelRead((PipeReader)input!), transport.Input);
#else
        abortWatch = aborted.Token.Register(static transport => CancelPending((IDuplexPipe)transport!), transport, useSynchronizationContext: false);
        stopWatch = handler.Stopping.Register(static input => CancelRead((PipeReader)input!), transport.Input, useSynchronizationContext: false);
#endif
    }

    private static void CancelPending(IDuplexPipe transport)
    {
        CancelRead(transport.Input);
        IfStillOpen(transport.Output.CancelPendingFlush);
    }

    private void ReadTimerFired()
    {
        lock (readTimerLock)
        {
            while (true)
            {
                var deadline = Interlocked.Read(ref readDeadline);
                if (handler.TimeProvider.GetTimestamp() >= deadline)
                {
                    Interlocked.Exchange(ref readTimerDue, long.MaxValue); // the loop sets it again if it reads on
                    break;
                }

                // Early: activity moved the deadline on since the timer was set. The loop may have written a sooner
                // deadline meanwhile, and seen the timer as still due before it (so not set it itself): the
                // deadline is read again after the timer is set, until the two agree.
                SetReadTimer(deadline);
                if (Interlocked.Read(ref readDeadline) >= deadline)
                {
                    return;
                }
            }
        }

        CancelRead(transport.Input);
    }

    // Under readTimerLock.
    private void SetReadTimer(long deadline)
    {
        Interlocked.Exchange(ref readTimerDue, deadline);
        if (deadline != long.MaxValue)
        {
            readTimer!.Change(Left(deadline), Timeout.InfiniteTimeSpan);
        }
    }

    private static void CancelRead(PipeReader input) => IfStillOpen(input.CancelPendingRead);

    private static void IfStillOpen(Action cancel)
    {
        try
        {
            cancel();
        }
        catch (Exception exception) when (exception is ObjectDisposedException or InvalidOperationException)
        {
            // The connection finished meanwhile.
        }
    }

    // When the next read must have data by (a TimeProvider timestamp; long.MaxValue for never), and why.
    private long NextDeadline(long partialSince, out string reason)
    {
        var deadline = After(handler.TimeProvider.GetTimestamp(), Options.IdleTimeout);
        reason = "idle timeout";
        if (partialSince != 0 && After(partialSince, Options.PartialMessageTimeout) is var partial && partial < deadline)
        {
            deadline = partial;
            reason = "message not completed in time";
        }

        if (loginDeadline < deadline) // long.MaxValue once the session is bound
        {
            deadline = loginDeadline;
            reason = "login timeout";
        }

        return deadline;
    }

    // A TimeProvider timestamp a span after another; long.MaxValue for an infinite (or too long to count) span.
    private long After(long timestamp, TimeSpan span)
    {
        var ticks = span.TotalSeconds * handler.TimeProvider.TimestampFrequency;
        return span == Timeout.InfiniteTimeSpan || ticks >= long.MaxValue - timestamp ? long.MaxValue : timestamp + (long)ticks;
    }

    // Time until a TimeProvider timestamp, rounded up to whole milliseconds (timers count in milliseconds: a
    // shorter wait could fire before the clock reaches the deadline, again and again), at least one, so an expired
    // deadline still fires, and at most a day (a timer's limit is 49 days; a later deadline is met by firing early
    // and setting the timer again).
    private TimeSpan Left(long deadline)
    {
        var ticks = (deadline - handler.TimeProvider.GetTimestamp()) * ((double)TimeSpan.TicksPerSecond / handler.TimeProvider.TimestampFrequency);
        var milliseconds = Math.Ceiling(Math.Min(ticks, TimeSpan.TicksPerDay) / TimeSpan.TicksPerMillisecond);
        return TimeSpan.FromMilliseconds(Math.Max(1, milliseconds));
    }

    // Answers every complete message in the buffer, in order, flushing whenever MaxPendingOutput is waiting
    // and once at the end. Returns a reason when the connection must close.
#if NET8_0_OR_GREATER
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    private async ValueTask<(ReadOnlySequence<byte> Remaining, string? Close)> ProcessBufferAsync(ReadOnlySequence<byte> buffer)
    {
        var pending = buffer;
        string? close = null;
        var wrote = false;
        while (close is null)
        {
            var status = Sip2FrameReader.TryReadFrame(ref pending, Options.MaxMessageLength, out var frame);
            if (status == Sip2FrameStatus.NeedMoreData)
            {
                break;
            }

            if (status == Sip2FrameStatus.TooLong)
            {
                Log.MessageTooLong(Logger, Id, Options.MaxMessageLength);
                close = "message too long";
                pending = pending.Slice(pending.End);
                break;
            }

            var outcome = await HandleFrameAsync(frame).ConfigureAwait(false);
            wrote |= outcome.Wrote;
            close = outcome.Close;
            if (close is null && wrote && PendingOutput >= Options.MaxPendingOutput)
            {
                // Backpressure: a read can hold thousands of pipelined requests, and answering them all before
                // one flush would buffer without bound for a client that never reads. Sending at the cap makes
                // the next request wait until the client takes its answers (or the write timeout gives up).
                close = await FlushAsync().ConfigureAwait(false);
                wrote = false;
            }
        }

        if (wrote)
        {
            close ??= await FlushAsync().ConfigureAwait(false);
        }

        return (pending, close);
    }

    // Bytes written and not yet flushed. A writer that cannot tell counts as full, so it is flushed after
    // every answer: bounded, at the cost of more flushes.
    private long PendingOutput => transport.Output.CanGetUnflushedBytes ? transport.Output.UnflushedBytes : long.MaxValue;

    // Sends what is written. A flush that does not complete at once is waiting for the client to read (the
    // socket's or the transport's buffers are full); it gets WriteTimeout on the TimeProvider, then the
    // connection is closed. Returns a reason when the connection must close. Not an async method: a flush that
    // completes at once (nearly all) runs no state machine; one that waits goes on in WaitForFlushAsync.
    private ValueTask<string?> FlushAsync()
    {
        var pendingBytes = transport.Output.CanGetUnflushedBytes ? transport.Output.UnflushedBytes : -1;
        try
        {
            var flush = transport.Output.FlushAsync(); // an abort cancels it (CancelPendingFlush), see WatchForEnd
            return flush.IsCompleted ? new(Flushed(flush.GetAwaiter().GetResult())) : WaitForFlushAsync(flush, pendingBytes);
        }
        catch (Exception exception) when (FlushFailure(exception) is { } reason)
        {
            return new(reason);
        }
    }

    private async ValueTask<string?> WaitForFlushAsync(ValueTask<FlushResult> flush, long pendingBytes)
    {
        try
        {
            var flushing = flush.AsTask();
            using var stop = new CancellationTokenSource();
            // The timer is armed before the wait is logged, so whoever sees the log line can move a fake
            // clock past the deadline and know it is counted.
            var deadline = Timeouts.Delay(Options.WriteTimeout, handler.TimeProvider, stop.Token);
            Sip2ConnectionHandler.Metrics.OutputWaited();
            Log.OutputWaiting(Logger, Id, pendingBytes);
            var first = await Task.WhenAny(flushing, deadline).ConfigureAwait(false);
            stop.Cancel();
            if (first != flushing)
            {
                Sip2ConnectionHandler.Metrics.OutputStalled();
                Log.OutputStalled(Logger, Id, Options.WriteTimeout.TotalMilliseconds, pendingBytes);
                Abort(StalledReason); // cancels the flush (see WatchForEnd)
                await Stopped(flushing).ConfigureAwait(false);
                return StalledReason;
            }

            return Flushed(await flushing.ConfigureAwait(false));
        }
        catch (Exception exception) when (FlushFailure(exception) is { } reason)
        {
            return reason;
        }
    }

    // Why the connection must close after a finished flush, or null when it goes on.
    private string? Flushed(FlushResult result) =>
        result.IsCanceled ? abortReason ?? "aborted" : result.IsCompleted ? "client closed the connection" : null;

    // Why a flush that threw ends the connection; null for an exception that is not the client's doing (rethrown).
    private string? FlushFailure(Exception exception) => exception switch
    {
        OperationCanceledException when aborted.IsCancellationRequested => abortReason ?? "aborted",
        System.IO.IOException => "connection reset by the client",
        _ => null,
    };

    private const string StalledReason = "client not reading its answers";

    // Waits for a cancelled flush to let go of the writer before the transport is completed. Sockets and pipes
    // honour the cancellation on net8.0+; netstandard2.0's socket streams may not, and there the socket is
    // closed under the flush instead (which ends it) rather than waiting for a client that does not read.
#if NET8_0_OR_GREATER
    private static async Task Stopped(Task flushing)
    {
        try
        {
            await flushing.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or System.IO.IOException or ObjectDisposedException)
        {
        }
    }
#else
    private static Task Stopped(Task flushing)
    {
        _ = flushing.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return Task.CompletedTask;
    }
#endif
}
