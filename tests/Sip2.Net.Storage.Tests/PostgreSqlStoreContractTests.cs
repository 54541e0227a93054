using Sip2.Net.Storage.Tests.Harness;

namespace Sip2.Net.Storage.Tests;

/// <summary>
/// The PostgreSQL store keeps the registry store contract, each store a new schema in the cluster CI starts
/// (SIP2_TEST_POSTGRES); without the cluster every test fails in CI.
/// </summary>
public sealed class PostgreSqlStoreContractTests : DatabaseStoreContract
{
    protected override bool SharesChanges => true;

    protected override StoreDatabase CreateDatabase() => new PostgreSqlTestDatabase(ServiceFactAttribute.Require("SIP2_TEST_POSTGRES"));
}
