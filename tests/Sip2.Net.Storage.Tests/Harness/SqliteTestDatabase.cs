using Microsoft.Data.Sqlite;
using Sip2.Net.Access;
using Sip2.Net.Sqlite;

namespace Sip2.Net.Storage.Tests.Harness;

public sealed class SqliteTestDatabase : StoreDatabase
{
    private readonly string directory = Directory.CreateTempSubdirectory("sip2-store-").FullName;

    public string Path => System.IO.Path.Combine(directory, "registry.db");

    public SqliteSip2RegistryStoreOptions StoreOptions { get; init; } = new();

    /// <summary>A connection to the file past the store, for what a test does behind its back.</summary>
    public SqliteConnection Connect()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    protected override ISip2RegistryStore Create(StoreSettings settings) =>
        new SqliteSip2RegistryStore(Path, StoreOptions, settings.RegistryOptions, null, settings.Time, Logger<SqliteSip2RegistryStore>(settings));

    protected override Task DropAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }
}
