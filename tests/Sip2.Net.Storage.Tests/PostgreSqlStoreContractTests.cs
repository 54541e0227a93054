using Sip2.Net.Storage.Tests.Contract;

namespace Sip2.Net.Storage.Tests;

/// <summary>The registry store contract on PostgreSQL, each check in a new schema of the cluster CI starts.</summary>
public sealed class PostgreSqlStoreContractTests
{
    public static TheoryData<string> Checks => RegistryStoreContract.Checks(durable: true);

    [ServiceTheory("SIP2_TEST_POSTGRES")]
    [MemberData(nameof(Checks))]
    public Task The_PostgreSQL_store_keeps_the_contract(string check) => RegistryStoreContract.RunAsync(check, new PostgreSqlHarness());
}
