using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using Sip2.Net.Storage;
using Sip2.Net.Storage.Internal;

namespace Sip2.Net.PostgreSql.Internal;

/// <summary>
/// Keeps one instance's snapshot in step with the database: a connection of its own LISTENs on the change channel,
/// and each notification is applied by re-reading what it names, on that same connection, in one loop (so changes are
/// applied in the order they were committed). When the connection is lost the store is marked unreachable, and the
/// loop reconnects with a doubling back-off; once listening again it re-reads everything and the store raises the
/// events for what changed meanwhile, then marks itself reachable.
/// </summary>
internal sealed class ChangeListener : IAsyncDisposable
{
    private readonly PostgreSqlDatabase database;
    private readonly RelationalSip2RegistryStore store;
    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<RegistryChange> pending = []; // filled by Notification, which Npgsql raises on the loop's own calls
    private Task loop = Task.CompletedTask;
    private TimeSpan delay;

    public ChangeListener(PostgreSqlDatabase database, RelationalSip2RegistryStore store)
    {
        this.database = database;
        this.store = store;
    }

    /// <summary>Starts the loop; completes once it listens and has loaded the snapshot, or throws why the first attempt failed.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        loop = Task.Run(RunAsync, CancellationToken.None);
        return started.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await loop.ConfigureAwait(false);
        stopping.Dispose();
    }

#pragma warning disable CA1031 // The loop must outlive any failure: each one ends the connection and is followed by a reconnect.
    private async Task RunAsync()
    {
        delay = database.Options.ReconnectDelay;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                var failure = database.Classify(exception);
                var problem = failure.Kind == DatabaseFailureKind.Unavailable ? failure.Problem : exception.GetType().Name + ": " + exception.Message;
                database.OnUnavailable();
                if (started.TrySetException(exception))
                {
                    return; // the first attempt: InitializeAsync reports it, and a later call starts a new listener
                }

                store.Health.Unreachable(problem);
                Log.ListenerReconnecting(store.Logger, delay, problem);
                try
                {
                    await Task.Delay(delay, store.Time, stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, database.Options.MaxReconnectDelay.Ticks));
            }
        }
    }
#pragma warning restore CA1031

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        var connection = await database.ListenerDataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            connection.Notification += OnNotification;
            await using (var listen = new NpgsqlCommand("LISTEN " + PostgreSqlDatabase.Channel, connection))
            {
                await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // Listening from here on, so the full read below misses nothing: what it already shows is simply re-read.
            pending.Clear();
            await store.ResynchronizeAsync(connection, cancellationToken).ConfigureAwait(false);
            started.TrySetResult();
            delay = database.Options.ReconnectDelay;

            while (true)
            {
                while (pending.Count > 0)
                {
                    var batch = pending.ToArray();
                    pending.Clear();
                    await store.ApplyAsync(connection, batch, cancellationToken).ConfigureAwait(false);
                }

                if (!await connection.WaitAsync(database.Options.KeepAliveInterval, cancellationToken).ConfigureAwait(false))
                {
                    // Quiet for a while: make sure the connection is still there (a cut network says nothing).
                    await using var ping = new NpgsqlCommand("SELECT 1", connection);
                    await ping.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                    if (pending.Count == 0)
                    {
                        store.Health.Synchronized();
                    }
                }
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs notification)
    {
        if (ChangeNotice.TryDecode(notification.Payload, database.Scope, out var change, out var foreign))
        {
            pending.Add(change);
        }
        else if (foreign)
        {
            Log.UnknownNotification(store.Logger, notification.Payload);
        }
    }
}
