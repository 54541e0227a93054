using Sip2.Net.Storage.Tests.Harness;

namespace Sip2.Net.Storage.Tests;

/// <summary>
/// The SQLite store keeps the registry store contract, each store a new file. A second store over the file is not a
/// second instance: it sees the first one's writes when it starts, not as they happen.
/// </summary>
public sealed class SqliteStoreContractTests : DatabaseStoreContract
{
    protected override bool SharesChanges => false;

    protected override StoreDatabase CreateDatabase() => new SqliteTestDatabase();
}
