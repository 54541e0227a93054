using System;
using Microsoft.Extensions.Logging;
using Sip2.Net.Access;
using Sip2.Net.PostgreSql.Internal;
using Sip2.Net.Storage;
using Sip2.Net.Vendors;

namespace Sip2.Net.PostgreSql;

/// <summary>
/// The registry store in PostgreSQL, for several server instances sharing one registry. Writes on any instance keep
/// every rule: a registration write locks its address (a transaction-level advisory lock) before it reads the
/// address's registrations, directory writes lock the directory, and constraints (a unique index on address and
/// login id, foreign keys from registrations to branch configurations to institutions to groups, checks on the enums)
/// stand behind the locks. Each write sends a notification in its transaction; every instance listens on a
/// connection of its own and applies what others changed to its snapshot within milliseconds, raising
/// <see cref="RelationalSip2RegistryStore.RegistrationChanged"/> so its server ends the sessions of a registration
/// deactivated or deleted elsewhere. After a lost connection the listener reconnects with back-off and re-reads
/// everything, raising the events for what changed meanwhile.
/// </summary>
public sealed class PostgreSqlSip2RegistryStore : RelationalSip2RegistryStore
{
    /// <summary>Creates the store; nothing is opened until <see cref="RelationalSip2RegistryStore.InitializeAsync"/>.</summary>
    /// <param name="connectionString">An Npgsql connection string (host, port, database, user and password).</param>
    /// <param name="storeOptions">The schema and the listener's timings; null for the defaults.</param>
    /// <param name="options">Which address ranges may be registered; null for the defaults (public addresses only).</param>
    /// <param name="vendors">The vendor profiles registrations may name; null for the built-in ones.</param>
    /// <param name="timeProvider">The clock of the audit trail, the status and the reconnect back-off; null for the system clock.</param>
    /// <param name="logger">A logger; null for none.</param>
    public PostgreSqlSip2RegistryStore(
        string connectionString,
        PostgreSqlSip2RegistryStoreOptions? storeOptions = null,
        Sip2RegistryOptions? options = null,
        Sip2VendorProfileCatalog? vendors = null,
        TimeProvider? timeProvider = null,
        ILogger<PostgreSqlSip2RegistryStore>? logger = null)
        : base(new PostgreSqlDatabase(connectionString, storeOptions ?? new PostgreSqlSip2RegistryStoreOptions()), options, vendors, timeProvider, logger)
    {
    }
}
