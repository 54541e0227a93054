using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.IO.Pipelines;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sip2.Net.Diagnostics.Internal;
using Sip2.Net.Access;
using Sip2.Net.Resolution;
using Sip2.Net.Server.Internal;
using Sip2.Net.Access.Internal;
using Sip2.Net.Resolution.Internal;

namespace Sip2.Net.Server;

/// <summary>
/// The SIP2 engine for connections: admission, the session, the request pipeline, the limits and the deadlines. It runs
/// a connection over any <see cref="IDuplexPipe"/>, so the standalone <see cref="Sip2Server"/>, Kestrel, or a test can
/// each supply the transport. One handler serves all connections of a server and is safe for concurrent use.
/// </summary>
public sealed class Sip2ConnectionHandler : IDisposable
{
    private readonly ConcurrentDictionary<Sip2Connection, byte> connections = new();
    private readonly TaskCompletionSource<bool> drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ISip2ClientRegistry? registry;
    private readonly RefusalLog refusals;
    private readonly Retransmissions retransmissions;
    private readonly Heartbeat heartbeat;
    private long nextConnectionId;
    private long ticks;
    private volatile bool stopping;
    private int busy; // connections not waiting for their client (see IdleAsync)
    private TaskCompletionSource<bool>? idle;

    /// <summary>Creates the engine.</summary>
    /// <param name="accessPolicy">Admits connections by address and checks logins.</param>
    /// <param name="backend">The library system.</param>
    /// <param name="options">Limits and behaviour; validated here.</param>
    /// <param name="resolution">Scoping rules; by default chosen by each registration's resolution level.</param>
    /// <param name="messages">Screen message texts; by default the built-in catalogue.</param>
    /// <param name="registry">When given, deactivating or deleting a registration ends its live sessions.</param>
    /// <param name="timeProvider">Clock for timeouts and dates; the system clock by default.</param>
    /// <param name="loggerFactory">Logging; none by default.</param>
    /// <param name="meterFactory">
    /// Creates the meter of the server's instruments (<see cref="Diagnostics.Sip2Telemetry.ServerMeterName"/>); without one
    /// they are on a meter shared by every server of the process.
    /// </param>
    public Sip2ConnectionHandler(
        ISip2AccessPolicy accessPolicy,
        ISip2Backend backend,
        Sip2ServerOptions? options = null,
        IResolutionStrategy? resolution = null,
        ISip2MessageCatalog? messages = null,
        ISip2ClientRegistry? registry = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        IMeterFactory? meterFactory = null)
    {
        AccessPolicy = accessPolicy ?? throw new ArgumentNullException(nameof(accessPolicy));
        Options = options ?? new Sip2ServerOptions();
        Options.Validate();
        Resolution = resolution ?? ResolutionLevelSelector.Default;
        Messages = messages ?? new Sip2MessageCatalog();
        TimeProvider = timeProvider ?? TimeProvider.System;
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Sip2.Net.Server");
        Metrics = Sip2ServerMetrics.Create(meterFactory);
        var budget = FileDescriptorBudget.ConnectionsAllowed();
        Limits = new ConnectionLimits(Options, budget);
        if (budget < Options.MaxConnections)
        {
            ServerLog.DescriptorBudget(Logger, Limits.MaxTotal, Options.MaxConnections);
        }

        refusals = new RefusalLog(Logger, Metrics);
        retransmissions = new Retransmissions(TimeProvider);
        Pipeline = new RequestPipeline(backend ?? throw new ArgumentNullException(nameof(backend)), Resolution, retransmissions, Options, TimeProvider, Logger, Metrics);
        this.registry = registry;
        if (registry is not null)
        {
            registry.RegistrationChanged += OnRegistrationChanged;
        }

        heartbeat = new Heartbeat(TimeProvider, Tick);
    }

    /// <summary>The number of connections being served now.</summary>
    public int ConnectionCount => connections.Count;

    internal ISip2AccessPolicy AccessPolicy { get; }

    internal Sip2ServerOptions Options { get; }

    internal IResolutionStrategy Resolution { get; }

    internal ISip2MessageCatalog Messages { get; }

    internal TimeProvider TimeProvider { get; }

    internal ILogger Logger { get; }

    internal Sip2ServerMetrics Metrics { get; }

    internal ConnectionLimits Limits { get; }

    internal RequestPipeline Pipeline { get; }

    internal bool IsStopping => stopping;

    /// <summary>
    /// Serves one connection until the client closes it, a limit or timeout ends it, or the handler stops.
    /// Never throws for anything the client does; the transport is completed on return.
    /// </summary>
    public async Task RunAsync(IDuplexPipe transport, IPAddress remoteAddress, CancellationToken cancellationToken = default)
    {
        _ = transport ?? throw new ArgumentNullException(nameof(transport));
        var connection = await AdmitAsync(remoteAddress ?? throw new ArgumentNullException(nameof(remoteAddress)), cancellationToken).ConfigureAwait(false);
        if (connection is null)
        {
            await CompleteAsync(transport, null).ConfigureAwait(false);
            return;
        }

        await RunAdmittedAsync(connection, transport).ConfigureAwait(false);
    }

    /// <summary>The connections being served now, oldest first.</summary>
    public IReadOnlyList<Sip2SessionInfo> GetSessions() => connections.Keys.Select(c => c.Describe()).OrderBy(s => s.ConnectedAt).ToArray();

    /// <summary>Ends one connection at once (an administrator's "end session"); false when no connection has that id.</summary>
    public bool EndSession(string connectionId)
    {
        if (connections.Keys.FirstOrDefault(c => c.Id == connectionId) is not { } connection)
        {
            return false;
        }

        ServerLog.SessionEndedByOperator(Logger, connection.Id);
        connection.Abort("ended by an operator");
        return true;
    }

    /// <summary>
    /// Graceful stop: every connection finishes the request it is running, then closes; after
    /// <see cref="Sip2ServerOptions.ShutdownTimeout"/> (or when <paramref name="cancellationToken"/> fires) the
    /// rest are cut off.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        stopping = true;
        foreach (var connection in connections.Keys)
        {
            connection.WakeForStop(); // an idle one sees the stop at once; a busy one after its request
        }

        if (!connections.IsEmpty)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(Options.ShutdownTimeout);
            await Task.WhenAny(drained.Task, Task.Delay(Timeout.Infinite, deadline.Token)).ConfigureAwait(false);
        }

        foreach (var connection in connections.Keys)
        {
            connection.Abort("server stopped");
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (registry is not null)
        {
            registry.RegistrationChanged -= OnRegistrationChanged;
        }

        stopping = true;
        heartbeat.Dispose();
    }

    // Admission, before any TLS: the slot is reserved against every cap, then the access policy decides. Null: refused
    // (logged once per address per interval).
    internal async ValueTask<Sip2Connection?> AdmitAsync(IPAddress remoteAddress, CancellationToken cancellationToken)
    {
        var address = Sip2IPAddresses.Normalize(remoteAddress);
        if (stopping)
        {
            refusals.Refused(address, "server stopping");
            return null;
        }

        var admission = await AccessPolicy.AdmitAsync(address, cancellationToken).ConfigureAwait(false);
        if (!admission.IsAdmitted)
        {
            refusals.Refused(address, admission.Scenario == Sip2MessageScenario.ConfigurationMissing ? "branch not configured" : "not registered");
            return null;
        }

        var id = Interlocked.Increment(ref nextConnectionId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var connection = new Sip2Connection(this, admission.Session, id, cancellationToken);
        if (!Limits.TryReserve(connection, out var refusal, out var evicted))
        {
            connection.Dispose();
            refusals.Refused(address, refusal);
            return null;
        }

        if (admission.Session.Binding is { } binding && !Limits.TryBind(connection, binding.Registration.Id))
        {
            Limits.Release(connection);
            connection.Dispose();
            refusals.Refused(address, "too many connections for the registration");
            return null;
        }

        evicted?.Abort("evicted: its address is at its limit and it had not logged in");
        connections.TryAdd(connection, 0);
        Metrics.ConnectionOpened();
        ServerLog.ConnectionOpened(Logger, id, address);
        return connection;
    }

    // Serves an admitted connection over its transport and releases it.
    internal async Task RunAdmittedAsync(Sip2Connection connection, IDuplexPipe transport)
    {
        var reason = "closed";
        try
        {
            reason = await connection.RunAsync(transport).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A bug or a transport failure: this connection ends, the server goes on.
            reason = "failed";
            ServerLog.ConnectionFailed(Logger, exception, connection.Id);
        }
        finally
        {
            Release(connection, reason);
            // An aborted connection drops what it still holds: completing the output normally would write it out first
            // and wait as long as the client does not read, holding the socket after its slot was released.
            await CompleteAsync(transport, connection.IsAborted ? new System.IO.IOException($"The connection was aborted: {reason}.") : null).ConfigureAwait(false);
            connection.Dispose();
        }
    }

    // Ends an admitted connection: after its run, or when it never ran (its TLS handshake failed, say).
    internal void Release(Sip2Connection connection, string reason)
    {
        if (connections.TryRemove(connection, out _))
        {
            Limits.Release(connection);
            Metrics.ConnectionClosed();
            ServerLog.ConnectionClosed(Logger, connection.Id, reason);
            if (connections.IsEmpty && stopping)
            {
                drained.TrySetResult(true);
            }
        }
    }

    internal void Refused(IPAddress address, string reason) => refusals.Refused(address, reason);

    // A connection starts or stops working on something (admitted, a read came, it waits for the next one, it ended).
    internal void Busy(int change)
    {
        if (Interlocked.Add(ref busy, change) == 0)
        {
            Volatile.Read(ref idle)?.TrySetResult(true);
        }
    }

    /// <summary>
    /// Completes when every connection waits for its client: from then on each deadline is set, and a fake clock moved
    /// past it has the heartbeat end the connection. With <paramref name="next"/>, only the next time that happens (after
    /// the client's bytes now on their way were taken). For tests, which step a fake clock instead of waiting.
    /// </summary>
    internal Task IdleAsync(bool next = false)
    {
        var waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref idle, waiter);
        if (!next && Volatile.Read(ref busy) == 0)
        {
            waiter.TrySetResult(true);
        }

        return waiter.Task;
    }

    // The heartbeat: every deadline of every connection, and once an interval the gathered refusals and old replays.
    private void Tick()
    {
        var now = TimeProvider.GetUtcNow().UtcTicks;
        foreach (var connection in connections.Keys)
        {
            connection.CheckDeadline(now);
        }

        if (++ticks % (long)(RefusalLog.Interval.TotalSeconds / Heartbeat.Period.TotalSeconds) == 0)
        {
            refusals.Flush();
            retransmissions.Prune(Options.RetransmissionWindow ?? Sip2ServerOptions.MaxRetransmissionWindow);
        }
    }

    private void OnRegistrationChanged(object? sender, Sip2RegistrationChangedEventArgs change)
    {
        if (change.Kind is not (Sip2RegistrationChangeKind.Deactivated or Sip2RegistrationChangeKind.Deleted))
        {
            return;
        }

        foreach (var connection in connections.Keys.Where(c => c.Session.Access.IsBoundTo(change.Registration.Id)))
        {
            ServerLog.SessionEndedByRegistry(Logger, connection.Id, change.Registration.Id, change.Kind);
            connection.Abort("registration " + change.Kind.ToString().ToLowerInvariant());
        }
    }

    private static async ValueTask CompleteAsync(IDuplexPipe transport, Exception? aborted)
    {
        try
        {
            await transport.Output.CompleteAsync(aborted).ConfigureAwait(false);
            await transport.Input.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.IO.IOException or ObjectDisposedException)
        {
            // Already completed or the socket is gone: nothing left to release.
        }
    }
}
