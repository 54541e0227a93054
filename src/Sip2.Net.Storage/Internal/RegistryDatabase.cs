using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace Sip2.Net.Storage.Internal;

/// <summary>
/// What differs between the databases behind <see cref="RelationalSip2RegistryStore"/>: opening connections and
/// transactions, the locks that keep concurrent writers from breaking a rule, the schema, change notifications, and
/// how a failure reads. Everything else (the SQL of every read and write, the rules, the snapshot) is shared.
/// </summary>
internal abstract class RegistryDatabase : IAsyncDisposable
{
    /// <summary>The database's name for problems and logs ("SQLite", "PostgreSQL").</summary>
    public abstract string Name { get; }

    /// <summary>The schema, one script per version (index 0 is version 1). Scripts only ever get appended.</summary>
    public abstract IReadOnlyList<string> Migrations { get; }

    /// <summary>The statement that creates the table of applied versions when it is missing.</summary>
    public abstract string CreateMigrationsTable { get; }

    /// <summary>An open connection.</summary>
    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A transaction. A write transaction sees every commit made before it and, with the locks below, no concurrent
    /// writer that could invalidate what it read; a read transaction sees one consistent state of every table.
    /// </summary>
    public abstract ValueTask<DbTransaction> BeginAsync(DbConnection connection, bool write, CancellationToken cancellationToken);

    /// <summary>
    /// Held until the transaction ends: exclusive for a write to groups, institutions, branch configurations or
    /// messages, shared for a write to registrations (which read the branch configurations). A database whose write
    /// transactions already exclude each other does nothing.
    /// </summary>
    public virtual ValueTask LockDirectoryAsync(DbTransaction transaction, bool exclusive, CancellationToken cancellationToken) => default;

    /// <summary>Held until the transaction ends: the registrations of one normalised address, for rules 1 to 3.</summary>
    public virtual ValueTask LockAddressAsync(DbTransaction transaction, string address, CancellationToken cancellationToken) => default;

    /// <summary>Tells the other instances, when the transaction commits, what changed.</summary>
    public virtual ValueTask NotifyAsync(DbTransaction transaction, RegistryChange change, CancellationToken cancellationToken) => default;

    /// <summary>
    /// Prepares the connection for migrating (for example creates the schema the tables live in) and keeps instances
    /// that start at once from migrating together, until the returned value is disposed.
    /// </summary>
    public abstract ValueTask<IAsyncDisposable> LockSchemaAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Loads the store's snapshot for the first time and keeps it fresh from then on: by default a single full read;
    /// a database with change notifications starts listening first, so no change falls between the read and the
    /// listening. Throws what <see cref="OpenAsync"/> throws when the database cannot be reached.
    /// </summary>
    public virtual async ValueTask StartAsync(RelationalSip2RegistryStore store, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await store.ResynchronizeAsync(connection, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether a successful write proves the database reachable (true where no listener watches it).</summary>
    public virtual bool WritesReportReachability => true;

    /// <summary>
    /// A write or read failed because the database could not be reached: forget pooled connections that may be dead,
    /// so the next attempt opens a fresh one.
    /// </summary>
    public virtual void OnUnavailable()
    {
    }

    /// <summary>The value of an id column.</summary>
    public abstract object IdValue(Guid id);

    /// <summary>What an exception thrown by the database means: a violated constraint, an unreachable database, or a bug.</summary>
    public abstract DatabaseFailure Classify(Exception exception);

    /// <inheritdoc/>
    public virtual ValueTask DisposeAsync() => default;
}
