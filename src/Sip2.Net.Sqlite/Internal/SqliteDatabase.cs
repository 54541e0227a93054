using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Sip2.Net.Storage.Internal;

namespace Sip2.Net.Sqlite.Internal;

/// <summary>
/// SQLite behind the relational store: one file in write-ahead-log mode (readers never wait for the writer), foreign
/// keys on for every connection, a busy timeout, and every write in a <c>BEGIN IMMEDIATE</c> transaction, which takes
/// the database's write lock at its start; so writers, in this process or another, run one at a time and no locks of
/// the store's own are needed.
/// </summary>
internal sealed class SqliteDatabase : RegistryDatabase
{
    // SQLite's primary result codes (the low byte of the extended code).
    private const int Constraint = 19;
    private const int ConstraintCheck = 275;
    private const int ConstraintForeignKey = 787;
    private const int ConstraintPrimaryKey = 1555;
    private const int ConstraintUnique = 2067;
    private static readonly HashSet<int> UnavailableCodes = [3 /* PERM */, 5 /* BUSY */, 6 /* LOCKED */, 8 /* READONLY */, 10 /* IOERR */, 13 /* FULL */, 14 /* CANTOPEN */, 26 /* NOTADB */];

    private readonly string connectionString;
    private readonly int busyTimeoutMilliseconds;

    public SqliteDatabase(string connectionStringOrPath, SqliteSip2RegistryStoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionStringOrPath);
        if (options.BusyTimeout < TimeSpan.Zero || options.BusyTimeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.BusyTimeout, "The busy timeout is zero or more, at most 24 days.");
        }

        var builder = connectionStringOrPath.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(connectionStringOrPath)
            : new SqliteConnectionStringBuilder { DataSource = connectionStringOrPath };
        builder.ForeignKeys = true;
        // Microsoft.Data.Sqlite retries a busy database itself until its command timeout (whole seconds; 0 would wait
        // for ever), on top of SQLite's own busy timeout: both are set, so the wait ends about when the option says.
        builder.DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds));
        builder.Mode = builder.Mode == SqliteOpenMode.Memory ? SqliteOpenMode.Memory : SqliteOpenMode.ReadWriteCreate;
        connectionString = builder.ConnectionString;
        busyTimeoutMilliseconds = (int)options.BusyTimeout.TotalMilliseconds;
    }

    public override string Name => "SQLite";

    public override IReadOnlyList<string> Migrations => SqliteSchema.Migrations;

    public override string CreateMigrationsTable => SqliteSchema.CreateMigrationsTable;

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout = " + busyTimeoutMilliseconds.ToString(CultureInfo.InvariantCulture);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // BEGIN IMMEDIATE for a write (the write lock now, waiting up to the busy timeout), BEGIN for a read (one consistent
    // view from its first read, without blocking anyone in WAL mode).
    public override ValueTask<DbTransaction> BeginAsync(DbConnection connection, bool write, CancellationToken cancellationToken) =>
        new(((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: !write));

    public override async ValueTask<IAsyncDisposable> LockSchemaAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // Persistent in the file: set once, before any transaction (it cannot change inside one).
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return NoLock.Instance; // each migration's BEGIN IMMEDIATE keeps two starting instances apart
    }

    public override object IdValue(Guid id) => id.ToString("D");

    public override DatabaseFailure Classify(Exception exception)
    {
        if (exception is not SqliteException sqlite)
        {
            return DatabaseFailure.Other;
        }

        var problem = $"SQLite error {sqlite.SqliteErrorCode.ToString(CultureInfo.InvariantCulture)}: {sqlite.Message}";
        if (sqlite.SqliteErrorCode == Constraint)
        {
            return sqlite.SqliteExtendedErrorCode switch
            {
                ConstraintUnique or ConstraintPrimaryKey => new(DatabaseFailureKind.UniqueViolation, UniqueIndex(sqlite.Message), problem),
                ConstraintForeignKey => new(DatabaseFailureKind.ForeignKeyViolation, null, problem), // SQLite does not say which
                ConstraintCheck => new(DatabaseFailureKind.CheckViolation, sqlite.Message, problem), // names the constraint
                _ => DatabaseFailure.Other,
            };
        }

        return UnavailableCodes.Contains(sqlite.SqliteErrorCode) ? new(DatabaseFailureKind.Unavailable, null, problem) : DatabaseFailure.Other;
    }

    // SQLite names a unique index by its columns ("UNIQUE constraint failed: sip2_registrations.ip_address,
    // sip2_registrations.login_key"); the registrations' two indexes and its key differ by their columns.
    private static string UniqueIndex(string message) =>
        message.Contains(".login_key", StringComparison.Ordinal) ? "sip2_registrations_login_key"
        : message.Contains("sip2_registrations.ip_address", StringComparison.Ordinal) ? "sip2_registrations_sole_without_login"
        : "pkey";

    private sealed class NoLock : IAsyncDisposable
    {
        public static NoLock Instance { get; } = new();

        public ValueTask DisposeAsync() => default;
    }
}
