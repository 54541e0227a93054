using Sip2.Net.Access;
using Sip2.Net.Storage.Tests.Harness;
using Sip2.Net.Testing.Xunit;

namespace Sip2.Net.Storage.Tests;

/// <summary>
/// The shared registry store contract (Sip2.Net.Testing.Xunit) over a database store: each store a test asks for gets a
/// new database; opened again, or as a second instance where the store shares changes between instances, it is another
/// store over that database; every database goes when the test ends.
/// </summary>
public abstract class DatabaseStoreContract : Sip2RegistryStoreContract, IAsyncLifetime
{
    private readonly Dictionary<ISip2RegistryStore, StoreDatabase> databases = new(ReferenceEqualityComparer.Instance);

    /// <summary>A new, empty database.</summary>
    protected abstract StoreDatabase CreateDatabase();

    /// <summary>Whether two stores over one database see each other's changes as they happen.</summary>
    protected abstract bool SharesChanges { get; }

    protected override Task<ISip2RegistryStore> CreateStoreAsync(Sip2RegistryOptions options)
    {
        var database = CreateDatabase();
        var store = database.Open(new StoreSettings { RegistryOptions = options });
        lock (databases)
        {
            databases.Add(store, database);
        }

        return Task.FromResult(store);
    }

    protected override Task<ISip2RegistryStore?> OpenSecondInstanceAsync(ISip2RegistryStore store, Sip2RegistryOptions options) =>
        SharesChanges ? ReopenAsync(store, options) : Task.FromResult<ISip2RegistryStore?>(null);

    protected override Task<ISip2RegistryStore?> ReopenAsync(ISip2RegistryStore store, Sip2RegistryOptions options)
    {
        StoreDatabase database;
        lock (databases)
        {
            database = databases[store];
        }

        return Task.FromResult<ISip2RegistryStore?>(database.Open(new StoreSettings { RegistryOptions = options }));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in databases.Values.Distinct())
        {
            await database.DisposeAsync();
        }
    }
}
