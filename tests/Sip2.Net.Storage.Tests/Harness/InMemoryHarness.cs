using Sip2.Net.Access;

namespace Sip2.Net.Storage.Tests.Harness;

/// <summary>The reference store: the contract's checks must pass on it first. Every store "opened" over a database is the same one.</summary>
public sealed class InMemoryHarness : StoreHarness
{
    public override string Name => "InMemory";

    public override bool IsDurable => false;

    public override Task<StoreDatabase> CreateDatabaseAsync() => Task.FromResult<StoreDatabase>(new Database());

    private sealed class Database : StoreDatabase
    {
        private InMemorySip2RegistryStore? store;

        protected override ISip2RegistryStore Create(StoreSettings settings) =>
            store ??= new InMemorySip2RegistryStore(settings.RegistryOptions, null, settings.Time, Logger<InMemorySip2RegistryStore>(settings));
    }
}
