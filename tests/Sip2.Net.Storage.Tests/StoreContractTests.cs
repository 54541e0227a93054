using Sip2.Net.Storage.Tests.Contract;
using Sip2.Net.Storage.Tests.Harness;

namespace Sip2.Net.Storage.Tests;

/// <summary>The registry store contract on the in-memory store, the reference: a check that fails here is a wrong check.</summary>
public sealed class InMemoryStoreContractTests
{
    public static TheoryData<string> Checks => RegistryStoreContract.Checks(durable: false);

    [Theory]
    [MemberData(nameof(Checks))]
    public Task The_in_memory_store_keeps_the_contract(string check) => RegistryStoreContract.RunAsync(check, new InMemoryHarness());
}

/// <summary>The registry store contract on SQLite, each check over a new file.</summary>
public sealed class SqliteStoreContractTests
{
    public static TheoryData<string> Checks => RegistryStoreContract.Checks(durable: true);

    [Theory]
    [MemberData(nameof(Checks))]
    public Task The_SQLite_store_keeps_the_contract(string check) => RegistryStoreContract.RunAsync(check, new SqliteHarness());
}

/// <summary>The registry store contract on PostgreSQL, each check in a new schema of the cluster CI starts.</summary>
public sealed class PostgreSqlStoreContractTests
{
    public static TheoryData<string> Checks => RegistryStoreContract.Checks(durable: true);

    [ServiceTheory("SIP2_TEST_POSTGRES")]
    [MemberData(nameof(Checks))]
    public Task The_PostgreSQL_store_keeps_the_contract(string check) => RegistryStoreContract.RunAsync(check, new PostgreSqlHarness());
}
