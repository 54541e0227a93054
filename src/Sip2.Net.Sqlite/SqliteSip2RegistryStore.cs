using System;
using Microsoft.Extensions.Logging;
using Sip2.Net.Access;
using Sip2.Net.Sqlite.Internal;
using Sip2.Net.Storage;
using Sip2.Net.Vendors;

namespace Sip2.Net.Sqlite;

/// <summary>
/// The durable registry store in one SQLite file: what administrators change survives a restart. The file is created
/// with its schema on <see cref="RelationalSip2RegistryStore.InitializeAsync"/>, kept in write-ahead-log mode, and
/// written in <c>BEGIN IMMEDIATE</c> transactions, so writers (threads, or store instances over the same file) take
/// turns and every rule holds. Reads answer from the in-memory snapshot. One store instance per process serves the
/// server: an instance does not see another process's writes until it is initialised again (for several server
/// instances, use the PostgreSQL store).
/// </summary>
public sealed class SqliteSip2RegistryStore : RelationalSip2RegistryStore
{
    /// <summary>Creates the store; nothing is opened until <see cref="RelationalSip2RegistryStore.InitializeAsync"/>.</summary>
    /// <param name="connectionStringOrPath">
    /// The database file's path (created when missing), or a Microsoft.Data.Sqlite connection string (any value with
    /// <c>=</c>, for example <c>Data Source=registry.db</c>).
    /// </param>
    /// <param name="storeOptions">The busy timeout; null for the defaults.</param>
    /// <param name="options">Which address ranges may be registered; null for the defaults (public addresses only).</param>
    /// <param name="vendors">The vendor profiles registrations may name; null for the built-in ones.</param>
    /// <param name="timeProvider">The clock of the audit trail and the status; null for the system clock.</param>
    /// <param name="logger">A logger; null for none.</param>
    public SqliteSip2RegistryStore(
        string connectionStringOrPath,
        SqliteSip2RegistryStoreOptions? storeOptions = null,
        Sip2RegistryOptions? options = null,
        Sip2VendorProfileCatalog? vendors = null,
        TimeProvider? timeProvider = null,
        ILogger<SqliteSip2RegistryStore>? logger = null)
        : base(new SqliteDatabase(connectionStringOrPath, storeOptions ?? new SqliteSip2RegistryStoreOptions()), options, vendors, timeProvider, logger)
    {
    }
}
