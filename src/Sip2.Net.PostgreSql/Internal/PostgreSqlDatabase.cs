using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using Sip2.Net.Storage;
using Sip2.Net.Storage.Internal;

namespace Sip2.Net.PostgreSql.Internal;

/// <summary>
/// PostgreSQL behind the relational store. Writes run at READ COMMITTED after taking transaction-level advisory locks
/// (the directory, shared or exclusive; then the registration's address), so each statement after the lock sees every
/// commit of the writer that held it before; reads of the whole registry run at REPEATABLE READ (one consistent view).
/// Every write notifies <see cref="Channel"/> in its transaction (delivered on commit); <see cref="ChangeListener"/>
/// applies the notifications on the other instances. Migrations run under a session advisory lock.
/// </summary>
internal sealed partial class PostgreSqlDatabase : RegistryDatabase
{
    public const string Channel = "sip2_registry";

    // Advisory lock keys are two integers: a class for what is locked, and a hash of which registry (the schema) and
    // which address. A hash collision only makes two writers take turns.
    private const int DirectoryLock = 0x53495032; // "SIP2"
    private const int AddressLock = DirectoryLock + 1;
    private const int SchemaLock = DirectoryLock + 2;

    private readonly NpgsqlDataSource dataSource;
    private readonly string? schema;
    private readonly string? password;
    private ChangeListener? listener;

    public PostgreSqlDatabase(string connectionString, PostgreSqlSip2RegistryStoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Schema is { } name && !SchemaName().IsMatch(name))
        {
            throw new ArgumentException("A schema name has lower-case letters, digits and '_', starting with a letter or '_', at most 63 characters.", nameof(options));
        }

        if (options.KeepAliveInterval <= TimeSpan.Zero || options.ReconnectDelay <= TimeSpan.Zero || options.MaxReconnectDelay < options.ReconnectDelay)
        {
            throw new ArgumentException("The keep-alive interval and reconnect delay are above zero, the longest reconnect delay at least the first.", nameof(options));
        }

        Options = options;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (options.Schema is not null)
        {
            builder.SearchPath = options.Schema;
        }

        // A search path of one schema name is the schema too, so it is created when missing like Options.Schema.
        schema = options.Schema ?? (builder.SearchPath is { } path && SchemaName().IsMatch(path.Trim()) ? path.Trim() : null);
        password = builder.Password;
        Scope = builder.SearchPath ?? "";
        dataSource = NpgsqlDataSource.Create(builder);

        // The listener's connection lives as long as the store, outside the pool; stopping cancels its wait for a
        // notification, which has no query for the server to cancel, so the connection is dropped at once instead.
        var listening = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Pooling = false, CancellationTimeout = -1 };
        ListenerDataSource = NpgsqlDataSource.Create(listening);
    }

    public override string Name => "PostgreSQL";

    public override IReadOnlyList<string> Migrations => PostgreSqlSchema.Migrations;

    public override string CreateMigrationsTable => PostgreSqlSchema.CreateMigrationsTable;

    public override bool WritesReportReachability => false; // the listener says whether changes arrive

    public PostgreSqlSip2RegistryStoreOptions Options { get; }

    /// <summary>Which registry notifications are about: the schema (or search path) the tables live in.</summary>
    public string Scope { get; }

    public NpgsqlDataSource ListenerDataSource { get; }

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async ValueTask<DbTransaction> BeginAsync(DbConnection connection, bool write, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(write ? IsolationLevel.ReadCommitted : IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

    public override ValueTask LockDirectoryAsync(DbTransaction transaction, bool exclusive, CancellationToken cancellationToken) =>
        LockAsync(transaction, exclusive ? "SELECT pg_advisory_xact_lock(@class, @key)" : "SELECT pg_advisory_xact_lock_shared(@class, @key)", DirectoryLock, Scope, cancellationToken);

    public override ValueTask LockAddressAsync(DbTransaction transaction, string address, CancellationToken cancellationToken) =>
        LockAsync(transaction, "SELECT pg_advisory_xact_lock(@class, @key)", AddressLock, Scope + "|" + address, cancellationToken);

    public override async ValueTask NotifyAsync(DbTransaction transaction, RegistryChange change, CancellationToken cancellationToken)
    {
        using var command = RegistryRows.Command(transaction, "SELECT pg_notify(@channel, @payload)").Text("channel", Channel).Text("payload", ChangeNotice.Encode(Scope, change));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask<IAsyncDisposable> LockSchemaAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        await ExecuteAsync(npgsql, "SELECT pg_advisory_lock(@class, @key)", SchemaLock, Scope, cancellationToken).ConfigureAwait(false);
        try
        {
            if (schema is not null)
            {
                // Under the lock: CREATE SCHEMA IF NOT EXISTS can still fail when two sessions run it at once.
                await using var create = new NpgsqlCommand("CREATE SCHEMA IF NOT EXISTS " + schema, npgsql);
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await new SchemaUnlock(npgsql, Scope).DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new SchemaUnlock(npgsql, Scope);
    }

    public override async ValueTask StartAsync(RelationalSip2RegistryStore store, CancellationToken cancellationToken)
    {
        if (listener is not null)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }

        listener = new ChangeListener(this, store);
        await listener.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void OnUnavailable() => dataSource.Clear();

    public override object IdValue(Guid id) => id;

    public override DatabaseFailure Classify(Exception exception)
    {
        if (exception is PostgresException postgres)
        {
            var problem = Redact($"{postgres.SqlState}: {postgres.MessageText}");
            return postgres.SqlState switch
            {
                PostgresErrorCodes.UniqueViolation => new(DatabaseFailureKind.UniqueViolation, postgres.ConstraintName, problem),
                PostgresErrorCodes.ForeignKeyViolation => new(DatabaseFailureKind.ForeignKeyViolation, postgres.ConstraintName, problem),
                PostgresErrorCodes.CheckViolation => new(DatabaseFailureKind.CheckViolation, postgres.ConstraintName, problem),
                // Connection (08), resources (53), shut down or crashed (57P0x), system (58), access (28), no such
                // database (3D): the database cannot take the work now; anything else is a bug and propagates.
                _ when postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
                    || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) || postgres.SqlState.StartsWith("58", StringComparison.Ordinal)
                    || postgres.SqlState.StartsWith("28", StringComparison.Ordinal) || postgres.SqlState.StartsWith("3D", StringComparison.Ordinal)
                    || postgres.IsTransient => new(DatabaseFailureKind.Unavailable, null, problem),
                _ => DatabaseFailure.Other,
            };
        }

        // Npgsql's own exceptions without a server answer: a refused or broken connection, a timeout.
        return exception is NpgsqlException or SocketException or TimeoutException
            ? new(DatabaseFailureKind.Unavailable, null, Redact(Describe(exception)))
            : DatabaseFailure.Other;
    }

    public override async ValueTask DisposeAsync()
    {
        if (listener is not null)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }

        await dataSource.DisposeAsync().ConfigureAwait(false);
        await ListenerDataSource.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    // The message and its causes on one line ("Failed to connect to 127.0.0.1:5432 (Connection refused)").
    private static string Describe(Exception exception)
    {
        var text = new StringBuilder(exception.Message);
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            text.Append(" (").Append(inner.Message).Append(')');
        }

        return text.ToString();
    }

    // Npgsql's messages carry no password, but a message is shown to operators: make sure.
    private string Redact(string text) =>
        string.IsNullOrEmpty(password) ? text : text.Replace(password, "***", StringComparison.Ordinal);

    private static async ValueTask LockAsync(DbTransaction transaction, string sql, int lockClass, string what, CancellationToken cancellationToken)
    {
        using var command = RegistryRows.Command(transaction, sql).Int("class", lockClass).Int("key", Hash(what));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, int lockClass, string what, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("class", lockClass);
        command.Parameters.AddWithValue("key", Hash(what));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // FNV-1a over the UTF-8 bytes: stable across processes and versions (string.GetHashCode is neither).
    private static int Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return unchecked((int)hash);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();

    private sealed class SchemaUnlock(NpgsqlConnection connection, string scope) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await ExecuteAsync(connection, "SELECT pg_advisory_unlock(@class, @key)", SchemaLock, scope, CancellationToken.None).ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // A lost connection ends its session, and the session's locks with it.
            }
        }
    }
}
