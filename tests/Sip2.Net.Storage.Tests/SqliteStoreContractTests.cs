using Sip2.Net.Storage.Tests.Contract;

namespace Sip2.Net.Storage.Tests;

/// <summary>The registry store contract on SQLite, each check over a new file.</summary>
public sealed class SqliteStoreContractTests
{
    public static TheoryData<string> Checks => RegistryStoreContract.Checks(durable: true);

    [Theory]
    [MemberData(nameof(Checks))]
    public Task The_SQLite_store_keeps_the_contract(string check) => RegistryStoreContract.RunAsync(check, new SqliteHarness());
}
