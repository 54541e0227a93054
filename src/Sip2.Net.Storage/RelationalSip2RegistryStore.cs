using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sip2.Net.Access;
using Sip2.Net.Resolution;
using Sip2.Net.Storage.Internal;
using Sip2.Net.Vendors;

namespace Sip2.Net.Storage;

/// <summary>
/// An <see cref="ISip2RegistryStore"/> in a relational database, the engine of the SQLite and PostgreSQL stores
/// (Sip2.Net.Sqlite, Sip2.Net.PostgreSql); create one of those. Every write runs in one transaction: it reads the
/// stored state it depends on, checks it with <see cref="Sip2RegistryRules"/>, writes the row and its
/// <see cref="Sip2AuditEntry"/>, and commits; then the in-memory <see cref="Snapshot"/> is updated and
/// <see cref="RegistrationChanged"/> raised. Every read the server makes on a connect or a login answers from the
/// snapshot, never from the database; only <see cref="ListAuditAsync"/> reads the database. When the database cannot
/// be reached, reads keep answering from the last snapshot, <see cref="GetStatus"/> says so, and writes throw
/// <see cref="Sip2RegistryStoreUnavailableException"/> having changed nothing.
/// </summary>
public abstract partial class RelationalSip2RegistryStore : ISip2RegistryStore, IAsyncDisposable, IDisposable
{
    private readonly RegistryDatabase database;
    private readonly Sip2RegistryOptions options;
    private readonly Sip2VendorProfileCatalog vendors;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly StoreHealth health;

    // Held while the snapshot moves on: a write commits and applies its change under it, and a re-read reads and
    // applies under it; so for every row the snapshot only ever moves to a newer stored state. Reads never take it.
    private readonly SemaphoreSlim snapshotLock = new(1, 1);
    private volatile Sip2RegistrySnapshot current = Sip2RegistrySnapshot.Empty;
    private volatile bool loaded;
    private int started;
    private int disposed;

    internal RelationalSip2RegistryStore(RegistryDatabase database, Sip2RegistryOptions? options, Sip2VendorProfileCatalog? vendors, TimeProvider? timeProvider, ILogger? logger)
    {
        this.database = database;
        this.options = options ?? new Sip2RegistryOptions();
        this.vendors = vendors ?? new Sip2VendorProfileCatalog();
        time = timeProvider ?? TimeProvider.System;
        this.logger = logger ?? NullLogger.Instance;
        health = new StoreHealth(database.Name, time, this.logger);
    }

    /// <inheritdoc/>
    public event EventHandler<Sip2RegistrationChangedEventArgs>? RegistrationChanged;

    /// <inheritdoc/>
    public bool IsDurable => true;

    /// <summary>The snapshot every read answers from: the stored state as of the last write, notification or re-read.</summary>
    public Sip2RegistrySnapshot Snapshot => current;

    internal RegistryDatabase Database => database;

    internal ILogger Logger => logger;

    internal TimeProvider Time => time;

    internal StoreHealth Health => health;

    /// <inheritdoc/>
    /// <exception cref="Sip2RegistryStoreUnavailableException">The database cannot be reached; there is no snapshot to serve from yet.</exception>
    public async ValueTask<bool> InitializeAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        try
        {
            bool created;
            var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                created = await MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
                if (Interlocked.Exchange(ref started, 1) == 1)
                {
                    await ResynchronizeAsync(connection, cancellationToken).ConfigureAwait(false); // a second call only re-reads
                    return created;
                }
            }

            try
            {
                await database.StartAsync(this, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                Volatile.Write(ref started, 0);
                throw;
            }

            return created;
        }
        catch (Exception exception) when (Unavailable(exception, alwaysReport: true) is { } unavailable)
        {
            throw unavailable;
        }
    }

    /// <inheritdoc/>
    public Sip2RegistryStoreStatus GetStatus() => health.Status;

    /// <inheritdoc/>
    public ValueTask<Sip2ClientRegistration?> GetAsync(Guid id, CancellationToken cancellationToken = default) => new(current.GetRegistration(id));

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Sip2ClientRegistration>> ListAsync(CancellationToken cancellationToken = default) =>
        new(current.Registrations.ToArray());

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Sip2ClientRegistration>> ListByAddressAsync(IPAddress address, CancellationToken cancellationToken = default) =>
        new(current.RegistrationsAt(address ?? throw new ArgumentNullException(nameof(address))));

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Sip2ClientRegistration>> ListByInstitutionAsync(string institutionId, CancellationToken cancellationToken = default)
    {
        if (institutionId is null)
        {
            throw new ArgumentNullException(nameof(institutionId));
        }

        return new(current.Registrations.Where(r => string.Equals(r.InstitutionId, institutionId, StringComparison.OrdinalIgnoreCase)).ToArray());
    }

    /// <inheritdoc/>
    public ValueTask<Sip2Institution?> GetInstitutionAsync(string institutionId, CancellationToken cancellationToken = default) =>
        new(current.GetInstitution(institutionId));

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Sip2Institution>> GetGroupMembersAsync(string groupId, CancellationToken cancellationToken = default) =>
        new(current.GroupMembers(groupId));

    /// <inheritdoc/>
    public ValueTask<Sip2BranchConfiguration?> GetBranchConfigurationAsync(string institutionId, string branchId, CancellationToken cancellationToken = default) =>
        new(current.GetBranchConfiguration(institutionId, branchId));

    /// <inheritdoc/>
    public string GetText(Sip2MessageScenario scenario, string? institutionId) =>
        current.GetOverride(institutionId, scenario) ?? Sip2MessageCatalog.GetDefaultText(scenario);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Sip2InstitutionGroup>> ListGroupsAsync(CancellationToken cancellationToken = default) =>
        new(current.Groups.OrderBy(g => g.Id, StringComparer.OrdinalIgnoreCase).ToArray());

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Sip2Institution>> ListInstitutionsAsync(CancellationToken cancellationToken = default) =>
        new(current.Institutions.OrderBy(i => i.Id, StringComparer.OrdinalIgnoreCase).ToArray());

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Sip2BranchConfiguration>> ListBranchConfigurationsAsync(CancellationToken cancellationToken = default) =>
        new(current.BranchConfigurations.OrderBy(b => b.InstitutionId, StringComparer.OrdinalIgnoreCase).ThenBy(b => b.BranchId, StringComparer.OrdinalIgnoreCase).ToArray());

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Sip2MessageOverride>> ListMessageOverridesAsync(string institutionId, CancellationToken cancellationToken = default) =>
        new(current.OverridesOf(institutionId ?? throw new ArgumentNullException(nameof(institutionId))));

    /// <inheritdoc/>
    /// <exception cref="Sip2RegistryStoreUnavailableException">The database cannot be reached (the trail is not kept in memory).</exception>
    public async ValueTask<IReadOnlyList<Sip2AuditEntry>> ListAuditAsync(int limit = 100, long? before = null, CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "1 to 1,000 entries.");
        }

        ThrowIfDisposed();
        try
        {
            var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = await database.BeginAsync(connection, write: false, cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var entries = await RegistryRows.Command(transaction, RegistrySql.SelectAudit)
                        .Long("before", before ?? long.MaxValue).Int("limit", limit)
                        .ReadAsync(RegistryRows.ReadAuditEntry, cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return entries;
                }
            }
        }
        catch (Exception exception) when (Unavailable(exception) is { } unavailable)
        {
            throw unavailable;
        }
    }

    /// <summary>Stops listening for changes and closes the database's connections. Reads still answer from the last snapshot.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            await database.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose()
    {
        DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref disposed) != 0)
        {
            throw new ObjectDisposedException(GetType().Name);
        }
    }

    // The exception a caller sees for a database that cannot be reached (null for any other failure, which propagates):
    // what went wrong in words that carry no connection string or password. The store is marked unreachable where
    // writes are what watches the database, or when nothing else will (a failed start).
    private Sip2RegistryStoreUnavailableException? Unavailable(Exception exception, bool alwaysReport = false)
    {
        if (exception is OperationCanceledException)
        {
            return null;
        }

        var failure = database.Classify(exception);
        if (failure.Kind != DatabaseFailureKind.Unavailable)
        {
            return null;
        }

        database.OnUnavailable();
        if (database.WritesReportReachability || alwaysReport)
        {
            health.Unreachable(failure.Problem);
        }

        return new Sip2RegistryStoreUnavailableException(
            $"The registry store's {database.Name} database cannot be reached ({failure.Problem}); nothing was changed.", exception);
    }
}
