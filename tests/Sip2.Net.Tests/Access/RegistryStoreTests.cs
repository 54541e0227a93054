using Sip2.Net.Access;

namespace Sip2.Net.Tests.Access;

/// <summary>
/// What only the in-memory store promises; the rules, directory, custom messages, events and audit trail every store
/// keeps are checked by InMemoryStoreContractTests (the contract of Sip2.Net.Testing.Xunit).
/// </summary>
public sealed class RegistryStoreTests
{
    [Fact]
    public async Task The_in_memory_store_says_it_is_not_durable_and_asks_to_be_seeded_once()
    {
        var fresh = new InMemorySip2RegistryStore();
        Assert.False(fresh.IsDurable);
        Assert.True(await fresh.InitializeAsync());
        Assert.False(await fresh.InitializeAsync());
        Assert.True(fresh.GetStatus().IsReachable);
    }

    [Fact]
    public async Task The_in_memory_audit_trail_keeps_the_newest_entries_up_to_its_capacity()
    {
        var store = new InMemorySip2RegistryStore();
        for (var i = 0; i <= InMemorySip2RegistryStore.AuditCapacity; i++)
        {
            Assert.Null(await store.SaveGroupAsync(new Sip2.Net.Resolution.Sip2InstitutionGroup { Id = "G", Name = "Save " + i }));
        }

        Assert.Equal(InMemorySip2RegistryStore.AuditCapacity + 1, (await store.ListAuditAsync(1))[0].Sequence);
        Assert.Equal(2, Assert.Single(await store.ListAuditAsync(1, before: 3)).Sequence);
        Assert.Empty(await store.ListAuditAsync(1, before: 2)); // the first entry was dropped
    }
}
