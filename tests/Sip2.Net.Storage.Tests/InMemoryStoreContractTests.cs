using Sip2.Net.Storage.Tests.Contract;

namespace Sip2.Net.Storage.Tests;

/// <summary>The registry store contract on the in-memory store, the reference: a check that fails here is a wrong check.</summary>
public sealed class InMemoryStoreContractTests
{
    public static TheoryData<string> Checks => RegistryStoreContract.Checks(durable: false);

    [Theory]
    [MemberData(nameof(Checks))]
    public Task The_in_memory_store_keeps_the_contract(string check) => RegistryStoreContract.RunAsync(check, new InMemoryHarness());
}
