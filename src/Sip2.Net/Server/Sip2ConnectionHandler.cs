using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.IO.Pipelines;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sip2.Net.Access;
using Sip2.Net.Resolution;

namespace Sip2.Net.Server;

/// <summary>
/// The SIP2 engine for connections: admission, session state, framing, error detection, resends, login,
/// status, dispatch to the back end, and the limits. It runs a connection over any <see cref="IDuplexPipe"/>,
/// so the standalone <see cref="Sip2Server"/>, Kestrel, or a test can each supply the transport.
/// One handler serves all connections of a server and is safe for concurrent use.
/// </summary>
public sealed partial class Sip2ConnectionHandler : IDisposable
{
    private readonly ConcurrentDictionary<Sip2Connection, byte> connections = new();
    private readonly ConcurrentDictionary<IPAddress, int> perAddress = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource<bool> drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ISip2ClientRegistry? registry;
    private int connectionCount;
    private long nextConnectionId;

    /// <summary>Creates the engine.</summary>
    /// <param name="accessPolicy">Admits connections by address and checks logins.</param>
    /// <param name="backend">The library system.</param>
    /// <param name="options">Limits and behaviour; validated here.</param>
    /// <param name="resolution">Scoping rules; by default chosen by each registration's resolution level.</param>
    /// <param name="messages">Screen message texts; by default the built-in catalogue.</param>
    /// <param name="registry">When given, deactivating or deleting a registration ends its live sessions.</param>
    /// <param name="timeProvider">Clock for timeouts and dates; the system clock by default.</param>
    /// <param name="loggerFactory">Logging; none by default.</param>
    public Sip2ConnectionHandler(
        ISip2AccessPolicy accessPolicy,
        ISip2Backend backend,
        Sip2ServerOptions? options = null,
        IResolutionStrategy? resolution = null,
        ISip2MessageCatalog? messages = null,
        ISip2ClientRegistry? registry = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
    {
        AccessPolicy = accessPolicy ?? throw new ArgumentNullException(nameof(accessPolicy));
        Backend = backend ?? throw new ArgumentNullException(nameof(backend));
        Options = options ?? new Sip2ServerOptions();
        Options.Validate();
        Resolution = resolution ?? ResolutionLevelSelector.Default;
        Messages = messages ?? new Sip2MessageCatalog();
        TimeProvider = timeProvider ?? TimeProvider.System;
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Sip2.Net.Server");
        Replays = new Sip2ReplayCache(TimeProvider, Options.ReplayWindow);
        this.registry = registry;
        if (registry is not null)
        {
            registry.RegistrationChanged += OnRegistrationChanged;
        }
    }

    internal ISip2AccessPolicy AccessPolicy { get; }

    internal ISip2Backend Backend { get; }

    internal Sip2ServerOptions Options { get; }

    internal IResolutionStrategy Resolution { get; }

    internal ISip2MessageCatalog Messages { get; }

    internal TimeProvider TimeProvider { get; }

    internal ILogger Logger { get; }

    internal Sip2ReplayCache Replays { get; }

    internal static Sip2ServerMetrics Metrics => Sip2ServerMetrics.Instance;

    internal CancellationToken Stopping => stopping.Token;

    /// <summary>The number of connections being served now.</summary>
    public int ConnectionCount => Volatile.Read(ref connectionCount);

    /// <summary>
    /// Serves one connection until the client closes it, a limit or timeout ends it, or the handler stops.
    /// Never throws for anything the client does; the transport is completed on return.
    /// </summary>
    public async Task RunAsync(IDuplexPipe transport, IPAddress remoteAddress, CancellationToken cancellationToken = default)
    {
        if (transport is null)
        {
            throw new ArgumentNullException(nameof(transport));
        }

        if (remoteAddress is null)
        {
            throw new ArgumentNullException(nameof(remoteAddress));
        }

        var address = Sip2IPAddresses.Normalize(remoteAddress);
        if (!TryReserve(address, out var refusal))
        {
            Metrics.ConnectionRefused(refusal);
            Log.ConnectionRefused(Logger, address, refusal);
            await CompleteAsync(transport).ConfigureAwait(false);
            return;
        }

        var id = Interlocked.Increment(ref nextConnectionId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var connection = new Sip2Connection(this, transport, address, id, cancellationToken);
        connections.TryAdd(connection, 0);
        Metrics.ConnectionOpened();
        Log.ConnectionOpened(Logger, id, address);
        var reason = "closed";
        try
        {
            reason = await connection.RunAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A bug or a transport failure: this connection ends, the server goes on.
            reason = "failed";
            Log.ConnectionFailed(Logger, exception, id);
        }
        finally
        {
            connections.TryRemove(connection, out _);
            Release(address);
            Metrics.ConnectionClosed();
            Log.ConnectionClosed(Logger, id, reason);
            // An aborted connection (a client that does not take its answers, a cut-off at shutdown) drops what it
            // still holds: completing the output normally would write it out first, and wait as long as the client
            // does not read, holding the socket after its slot was released.
            await CompleteAsync(transport, connection.IsAborted ? new System.IO.IOException($"The connection was aborted: {reason}.") : null).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Graceful stop: every connection finishes the request it is running, then closes; after
    /// <see cref="Sip2ServerOptions.ShutdownTimeout"/> (or when <paramref name="cancellationToken"/> fires) the
    /// rest are cut off.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        stopping.Cancel();
        if (ConnectionCount > 0)
        {
            // Idle connections notice the stop at once (their read is cancelled); busy ones finish their
            // request first. Wait for the last one to go, or for the deadline.
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(Options.ShutdownTimeout);
            var timeout = Task.Delay(Timeout.Infinite, deadline.Token);
            await Task.WhenAny(drained.Task, timeout).ConfigureAwait(false);
        }

        foreach (var connection in connections.Keys)
        {
            connection.Abort("server stopped");
        }
    }

    /// <summary>The connections being served now, oldest first.</summary>
    public IReadOnlyList<Sip2SessionInfo> GetSessions() =>
        connections.Keys.Select(c => c.Describe()).OrderBy(s => s.ConnectedAt).ToArray();

    /// <summary>Ends one connection at once (an administrator's "end session"); false when no connection has that id.</summary>
    public bool EndSession(string connectionId)
    {
        foreach (var connection in connections.Keys)
        {
            if (string.Equals(connection.Id, connectionId, StringComparison.Ordinal))
            {
                Log.SessionEndedByOperator(Logger, connection.Id);
                connection.Abort("ended by an operator");
                return true;
            }
        }

        return false;
    }

    /// <summary>Ends every session bound to <paramref name="registrationId"/> at once.</summary>
    /// <returns>How many sessions were ended.</returns>
    public int EndSessions(Guid registrationId)
    {
        var ended = 0;
        foreach (var connection in connections.Keys)
        {
            if (connection.Session?.IsBoundTo(registrationId) == true)
            {
                connection.Abort("registration withdrawn");
                ended++;
            }
        }

        return ended;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (registry is not null)
        {
            registry.RegistrationChanged -= OnRegistrationChanged;
        }

        stopping.Cancel();
        stopping.Dispose();
    }

    private void OnRegistrationChanged(object? sender, Sip2RegistrationChangedEventArgs change)
    {
        if (change.Kind is Sip2RegistrationChangeKind.Deactivated or Sip2RegistrationChangeKind.Deleted)
        {
            foreach (var connection in connections.Keys)
            {
                if (connection.Session?.IsBoundTo(change.Registration.Id) == true)
                {
                    Log.SessionEndedByRegistry(Logger, connection.Id, change.Registration.Id, change.Kind);
                    connection.Abort("registration " + change.Kind.ToString().ToLowerInvariant());
                }
            }
        }
    }

    private bool TryReserve(IPAddress address, out string refusal)
    {
        if (Interlocked.Increment(ref connectionCount) > Options.MaxConnections)
        {
            Interlocked.Decrement(ref connectionCount);
            refusal = "too many connections";
            return false;
        }

        if (perAddress.AddOrUpdate(address, 1, (_, count) => count + 1) > Options.MaxConnectionsPerAddress)
        {
            Release(address);
            refusal = "too many connections from this address";
            return false;
        }

        refusal = "";
        return true;
    }

    private void Release(IPAddress address)
    {
        if (Interlocked.Decrement(ref connectionCount) == 0 && stopping.IsCancellationRequested)
        {
            drained.TrySetResult(true);
        }

        while (perAddress.TryGetValue(address, out var count))
        {
            if (count <= 1
                ? ((System.Collections.Generic.ICollection<System.Collections.Generic.KeyValuePair<IPAddress, int>>)perAddress).Remove(new(address, count))
                : perAddress.TryUpdate(address, count - 1, count))
            {
                break;
            }
        }
    }

    private static async ValueTask CompleteAsync(IDuplexPipe transport, Exception? aborted = null)
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
