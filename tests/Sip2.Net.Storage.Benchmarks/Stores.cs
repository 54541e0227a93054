using Npgsql;
using Sip2.Net.Access;
using Sip2.Net.PostgreSql;
using Sip2.Net.Resolution;
using Sip2.Net.Sqlite;

namespace Sip2.Net.Storage.Benchmarks;

/// <summary>The stores measured, each over a new database (a temporary file, a new schema), removed afterwards.</summary>
internal sealed class Stores : IAsyncDisposable
{
    private readonly List<Func<Task>> cleanups = [];

    public static async Task<ISip2RegistryStore> InMemoryAsync() => await InitializedAsync(new InMemorySip2RegistryStore(Sip2RegistryOptions.AllowLocalNetworks));

    public async Task<ISip2RegistryStore> SqliteAsync()
    {
        var directory = Directory.CreateTempSubdirectory("sip2-bench-").FullName;
        var store = new SqliteSip2RegistryStore(Path.Combine(directory, "registry.db"), options: Sip2RegistryOptions.AllowLocalNetworks);
        cleanups.Add(async () =>
        {
            await store.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        });
        return await InitializedAsync(store);
    }

    /// <summary>A new schema: <paramref name="instances"/> stores over it, as that many server instances would have.</summary>
    public async Task<PostgreSqlSip2RegistryStore[]> PostgreSqlAsync(string connectionString, int instances = 1)
    {
        var schema = "bench_" + Guid.NewGuid().ToString("N");
        var stores = Enumerable.Range(0, instances)
            .Select(_ => new PostgreSqlSip2RegistryStore(connectionString, new PostgreSqlSip2RegistryStoreOptions { Schema = schema }, Sip2RegistryOptions.AllowLocalNetworks))
            .ToArray();
        cleanups.Add(async () =>
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        });
        foreach (var store in stores)
        {
            await store.InitializeAsync();
        }

        return stores;
    }

    /// <summary>One institution with one configured branch, what every registration here is for.</summary>
    public static async Task SeedAsync(ISip2RegistryStore store)
    {
        await store.SaveInstitutionAsync(new Sip2Institution { Id = "A" }, "bench");
        await store.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "A", BranchId = "MAIN" }, "bench");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var cleanup in cleanups)
        {
            await cleanup();
        }
    }

    private static async Task<ISip2RegistryStore> InitializedAsync(ISip2RegistryStore store)
    {
        await store.InitializeAsync();
        return store;
    }
}
