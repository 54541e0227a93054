using System;
using System.Buffers;
using System.Diagnostics;
using System.IO;
using System.IO.Pipelines;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Diagnostics.Internal;
using Sip2.Net.Access;
using Sip2.Net.Protocol;

namespace Sip2.Net.Server.Internal;

/// <summary>
/// One admitted connection and its read loop: read, split into frames, hand each to the session, run the login or
/// the back-end request it asks for, write the answer, flush; one request at a time, answers strictly in order. Its
/// deadlines are numbers the heartbeat checks; an abort (a deadline, an operator, the server stopping, a deactivated
/// registration) cancels the pending read or flush.
/// </summary>
internal sealed class Sip2Connection : IDisposable
{
    private readonly Sip2ConnectionHandler handler;
    private readonly CancellationTokenSource aborted = new();
    private readonly CancellationTokenRegistration hostClosed;
    private IDuplexPipe? transport;
    private volatile Deadline deadline = Deadline.Never;
    private string? abortReason; // the first reason wins
    private long loginDeadline;
    private long messageCount;
    private long lastMessageTicks;
    private int disposed;
    private Sip2RequestContext? context;
    private string? addressText; // for spans, made once a listener asks

    public Sip2Connection(Sip2ConnectionHandler handler, Sip2AccessSession access, string id, CancellationToken cancellationToken)
    {
        this.handler = handler;
        Id = id;
        Address = access.RemoteAddress;
        hostClosed = cancellationToken.Register(static state => ((Sip2Connection)state!).Abort("connection closed by the host"), this);
        ConnectedAt = handler.TimeProvider.GetUtcNow();
        Session = new Sip2Session(access, id, handler.Options, handler.Messages, handler.TimeProvider, handler.Logger, handler.Metrics);
        loginDeadline = access.IsBound ? long.MaxValue : After(ConnectedAt.UtcTicks, handler.Options.LoginTimeout);
        lastMessageTicks = ConnectedAt.UtcTicks;
        handler.Busy(+1); // until its first read
    }

    public string Id { get; }

    public IPAddress Address { get; }

    public DateTimeOffset ConnectedAt { get; }

    public Sip2Session Session { get; }

    public CancellationToken Aborted => aborted.Token;

    public bool IsAborted => Volatile.Read(ref abortReason) is not null;

    // Kept by ConnectionLimits, under its lock.
    public bool IsCounted { get; set; }

    public Guid? CountedRegistration { get; set; }

    private string EndReason => Volatile.Read(ref abortReason) ?? (handler.IsStopping ? "server stopped" : "closed");

    public void Abort(string reason)
    {
        Interlocked.CompareExchange(ref abortReason, reason, null);
        try
        {
            aborted.Cancel();
            transport?.Input.CancelPendingRead();
            transport?.Output.CancelPendingFlush();
        }
        catch (Exception exception) when (exception is ObjectDisposedException or InvalidOperationException)
        {
            // The connection finished meanwhile.
        }
    }

    /// <summary>Ends the connection when its deadline passed (the heartbeat's check).</summary>
    public void CheckDeadline(long nowTicks)
    {
        var current = deadline;
        if (nowTicks >= current.At)
        {
            Abort(current.Reason);
        }
    }

    /// <summary>Wakes a connection waiting for a request so it sees the server stopping; a busy one finishes its request first.</summary>
    public void WakeForStop()
    {
        try
        {
            transport?.Input.CancelPendingRead();
        }
        catch (Exception exception) when (exception is ObjectDisposedException or InvalidOperationException)
        {
        }
    }

    public Sip2SessionInfo Describe()
    {
        var registration = Session.Binding?.Registration;
        var last = Interlocked.Read(ref lastMessageTicks);
        return new Sip2SessionInfo
        {
            ConnectionId = Id,
            RemoteAddress = Address,
            ConnectedAt = ConnectedAt,
            LastMessageAt = Interlocked.Read(ref messageCount) == 0 ? null : new DateTimeOffset(last, TimeSpan.Zero),
            MessageCount = Interlocked.Read(ref messageCount),
            RegistrationId = registration?.Id,
            LoginId = registration?.LoginId,
            InstitutionId = registration?.InstitutionId,
            BranchId = registration?.BranchId,
        };
    }

    /// <summary>Serves the connection until it ends; returns why. Never throws for anything the client does.</summary>
    public async Task<string> RunAsync(IDuplexPipe pipe)
    {
        transport = pipe;
        if (Activity.Current is not null)
        {
            // SIP2 carries no trace context: a request's span is a root, not a child of whatever started the server.
            Activity.Current = null;
        }

        long partialSince = 0; // when the unfinished message in the buffer started, or 0
        try
        {
            while (!IsAborted && !handler.IsStopping)
            {
                deadline = ReadDeadline(partialSince);
                handler.Busy(-1);
                ReadResult read;
                try
                {
                    read = await pipe.Input.ReadAsync().ConfigureAwait(false);
                }
                finally
                {
                    handler.Busy(+1);
                    deadline = Deadline.Never;
                }

                if (read.IsCanceled)
                {
                    continue; // an abort, a deadline or the server stopping: the loop's condition says which
                }

                var buffer = read.Buffer;
                string? close = null;
                var wrote = false;
                while (close is null && !handler.IsStopping)
                {
                    var status = Sip2FrameReader.TryReadFrame(ref buffer, handler.Options.MaxMessageLength, out var frame);
                    if (status == Sip2FrameStatus.NeedMoreData)
                    {
                        break;
                    }

                    if (status == Sip2FrameStatus.TooLong)
                    {
                        ServerLog.MessageTooLong(handler.Logger, Id, handler.Options.MaxMessageLength);
                        close = "message too long";
                        buffer = buffer.Slice(buffer.End);
                        break;
                    }

                    var step = Session.Receive(frame.IsSingleSegment ? frame.First.Span : frame.ToArray());
                    if (step.Kind != StepKind.None)
                    {
                        wrote = true;
                        close = await AnswerAsync(step, pipe.Output).ConfigureAwait(false);
                    }
                }

                if (wrote)
                {
                    close ??= await FlushAsync(pipe.Output).ConfigureAwait(false);
                }

                pipe.Input.AdvanceTo(buffer.Start, buffer.End);
                if (close is not null)
                {
                    return close;
                }

                if (read.IsCompleted)
                {
                    return "client closed the connection";
                }

                // A client has PartialMessageTimeout from a message's first byte to finish it, however slowly it trickles in.
                partialSince = buffer.IsEmpty ? 0 : partialSince == 0 ? handler.TimeProvider.GetUtcNow().UtcTicks : partialSince;
            }

            return EndReason;
        }
        catch (IOException)
        {
            // A reset from the client (or a half-open connection the network gave up on) is an end, not a failure.
            return abortReason ?? "connection reset by the client";
        }
        catch (OperationCanceledException) when (IsAborted || handler.IsStopping)
        {
            return EndReason;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            handler.Busy(-1);
        }

        hostClosed.Dispose();
        aborted.Dispose();
    }

    // Runs one step of the session (a write, a login, a back-end request) and writes its answer; returns why the
    // connection must close after it, if it must.
    private async ValueTask<string?> AnswerAsync(SessionStep step, PipeWriter output)
    {
        var metrics = handler.Metrics;
        var request = step.Pending?.Request;
        var measured = request is not null && metrics.RequestsObserved;
        var started = measured ? handler.TimeProvider.GetTimestamp() : 0;
        Interlocked.Increment(ref messageCount);
        Interlocked.Exchange(ref lastMessageTicks, handler.TimeProvider.GetUtcNow().UtcTicks); // activity: the idle timeout starts again
        var isLogin = step.Kind == StepKind.Login;
        var span = request is null ? null
            : isLogin ? ServerActivities.StartLogin(Id, AddressText)
            : ServerActivities.StartRequest(request, Session.Binding, Id, AddressText);
        var outcome = Outcomes.Error; // unless an answer comes: the connection is failing or aborted
        try
        {
            step = step.Kind switch
            {
                StepKind.Login => await LoginAsync(step.Pending!).ConfigureAwait(false),
                StepKind.Backend => Session.Answered(step.Pending!, await handler.Pipeline.RunAsync(step.Pending!.Request, ContextFor(Session.Binding!)).ConfigureAwait(false)),
                _ => step,
            };
            outcome = step.Outcome ?? Outcomes.Ok;
            output.Write(step.Output);
        }
        finally
        {
            if (request is not null)
            {
                if (isLogin)
                {
                    metrics.Login(outcome);
                }

                if (measured)
                {
                    metrics.Request(request.Command, outcome, handler.TimeProvider.GetElapsedTime(started).TotalSeconds);
                }

                if (span is not null)
                {
                    if (isLogin)
                    {
                        ServerActivities.StopLogin(span, outcome, outcome == Outcomes.Accepted ? Session.Binding : null);
                    }
                    else
                    {
                        ServerActivities.Stop(span, outcome);
                    }
                }
            }
        }

        if (step.Close is null && output.CanGetUnflushedBytes && output.UnflushedBytes >= handler.Options.MaxPendingOutput)
        {
            // Backpressure: a read can hold thousands of pipelined requests; sending at the cap makes the next one wait
            // until the client takes its answers (or the write timeout gives up on it).
            return await FlushAsync(output).ConfigureAwait(false);
        }

        return step.Close;
    }

    private string AddressText => addressText ??= Address.ToString();

    private async ValueTask<SessionStep> LoginAsync(Pending pending)
    {
        var login = (Messages.LoginRequest)pending.Request;
        var result = await handler.AccessPolicy.LoginAsync(Session.Access, login.LoginUserId, login.LoginPassword, aborted.Token).ConfigureAwait(false);
        // A refused login id is not logged: an operator may have typed the password into it.
        ServerLog.Login(handler.Logger, Id, result.Succeeded ? login.LoginUserId : "(not logged)", Address, result.Outcome);
        if (!result.Succeeded)
        {
            return Session.LoginAnswered(pending, result);
        }

        loginDeadline = long.MaxValue;
        if (!handler.Limits.TryBind(this, result.Binding.Registration.Id))
        {
            ServerLog.RequestRefused(handler.Logger, Id, login.Command, "the registration has its maximum of connections");
            return Session.LoginAnswered(pending, Sip2LoginResult.TooManyFailures()) with { Close = "too many connections for the registration", Outcome = Outcomes.TooManyConnections };
        }

        return Session.LoginAnswered(pending, result);
    }

    // One context while the binding stays (a login may replace it); it is immutable, so requests can share it.
    private Sip2RequestContext ContextFor(Sip2SessionBinding binding) =>
        context is { } current && ReferenceEquals(current.Binding, binding)
            ? current
            : context = new(binding, Address, Id, handler.Resolution, handler.Messages, handler.TimeProvider, aborted.Token);

    // Sends what is written. A flush that does not complete at once waits for the client to read, for at most
    // WriteTimeout (the heartbeat aborts it after that).
    private async ValueTask<string?> FlushAsync(PipeWriter output)
    {
        var pending = output.CanGetUnflushedBytes ? output.UnflushedBytes : -1;
        var flush = output.FlushAsync();
        var waiting = !flush.IsCompleted;
        if (waiting)
        {
            handler.Metrics.OutputWaited();
            deadline = new Deadline(After(handler.TimeProvider.GetUtcNow().UtcTicks, handler.Options.WriteTimeout), StalledReason);
            handler.Busy(-1); // waiting for the client, as in a read
            ServerLog.OutputWaiting(handler.Logger, Id, pending); // after the deadline is set: who sees the line may move a fake clock past it
        }

        try
        {
            var result = await flush.ConfigureAwait(false);
            return result.IsCanceled ? StalledOrAborted() : result.IsCompleted ? "client closed the connection" : null;
        }
        finally
        {
            if (waiting)
            {
                handler.Busy(+1);
                deadline = Deadline.Never;
            }
        }
    }

    private const string StalledReason = "client not reading its answers";

    private string StalledOrAborted()
    {
        if (abortReason == StalledReason)
        {
            handler.Metrics.OutputStalled();
            ServerLog.OutputStalled(handler.Logger, Id, handler.Options.WriteTimeout.TotalMilliseconds);
        }

        return abortReason ?? "aborted";
    }

    private Deadline ReadDeadline(long partialSince)
    {
        var options = handler.Options;
        var next = new Deadline(After(Interlocked.Read(ref lastMessageTicks), options.IdleTimeout), "idle timeout");
        if (partialSince != 0)
        {
            next = Deadline.Earliest(next, new Deadline(After(partialSince, options.PartialMessageTimeout), "message not completed in time"));
        }

        return Deadline.Earliest(next, new Deadline(loginDeadline, "login timeout"));
    }

    private static long After(long ticks, TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span.Ticks >= long.MaxValue - ticks ? long.MaxValue : ticks + span.Ticks;
}
