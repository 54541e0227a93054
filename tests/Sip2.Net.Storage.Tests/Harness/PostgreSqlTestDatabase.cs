using Npgsql;
using Sip2.Net.Access;
using Sip2.Net.PostgreSql;

namespace Sip2.Net.Storage.Tests.Harness;

public sealed class PostgreSqlTestDatabase(string connectionString) : StoreDatabase
{
    public string Schema { get; } = "t_" + Guid.NewGuid().ToString("N");

    public string ConnectionString => connectionString;

    public PostgreSqlSip2RegistryStoreOptions StoreOptions { get; init; } = new();

    /// <summary>A connection to the schema past the store, for what a test does behind its back.</summary>
    public async Task<NpgsqlConnection> ConnectAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = Schema, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>A new store over this schema with its own listener timings, not yet initialised.</summary>
    public PostgreSqlSip2RegistryStore OpenPostgreSql(StoreSettings? settings = null, PostgreSqlSip2RegistryStoreOptions? options = null) =>
        Track(New(settings ?? new StoreSettings(), options ?? StoreOptions));

    protected override ISip2RegistryStore Create(StoreSettings settings) => New(settings, StoreOptions);

    protected override async Task DropAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private PostgreSqlSip2RegistryStore New(StoreSettings settings, PostgreSqlSip2RegistryStoreOptions options) =>
        new(connectionString, options with { Schema = Schema }, settings.RegistryOptions, null, settings.Time, Logger<PostgreSqlSip2RegistryStore>(settings));
}
