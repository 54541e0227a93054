using System;
using System.Linq;
using System.Threading.Tasks;
using Sip2.Net.Access;
using Sip2.Net.Messages;
using Sip2.Net.Resolution;
using Xunit;

namespace Sip2.Net.Testing.Xunit;

// What registrations depend on: groups, institutions, branch configurations, and the custom messages.
public abstract partial class Sip2RegistryStoreContract
{
    /// <summary>Groups, institutions and branch configurations are stored as given, read back by id in any case, and listed by id.</summary>
    [Fact]
    public async Task The_directory_keeps_what_was_saved()
    {
        var store = await NewEmptyStoreAsync(new Sip2RegistryOptions());
        var branch = new Sip2BranchConfiguration
        {
            InstitutionId = "NORTH", BranchId = "MAIN", LibraryName = "North", TerminalLocation = "Hall", TimeoutSeconds = 45, RetriesAllowed = 7,
            SupportedMessages = SupportedMessages.All & ~SupportedMessages.FeePaid, SendPersonalData = true, UseSortBin = true, AvailableHoldAllowed = false,
            OnlineStatus = false, CheckinOk = false, CheckoutOk = false, RenewalPolicy = false, StatusUpdateOk = true, OfflineOk = true,
        };
        Assert.Null(await store.SaveGroupAsync(new Sip2InstitutionGroup { Id = "METRO", Name = "Metro" }));
        Assert.Null(await store.SaveGroupAsync(new Sip2InstitutionGroup { Id = "ALPHA" }));
        Assert.Null(await store.SaveInstitutionAsync(new Sip2Institution { Id = "NORTH", Name = "Northfield", GroupId = "metro" }));
        Assert.Null(await store.SaveInstitutionAsync(new Sip2Institution { Id = "ELM" }));
        Assert.Null(await store.SaveBranchConfigurationAsync(branch));

        Assert.Equal(new[] { "ALPHA", "METRO" }, (await store.ListGroupsAsync()).Select(g => g.Id));
        Assert.Equal(new[] { "ELM", "NORTH" }, (await store.ListInstitutionsAsync()).Select(i => i.Id));
        Assert.Equal(new Sip2Institution { Id = "NORTH", Name = "Northfield", GroupId = "metro" }, await store.GetInstitutionAsync("north"));
        Assert.Equal("NORTH", Assert.Single(await store.GetGroupMembersAsync("Metro")).Id);
        Assert.Empty(await store.GetGroupMembersAsync("nope"));
        Assert.Equal(branch, await store.GetBranchConfigurationAsync("north", "main"));
        Assert.Equal(branch, Assert.Single(await store.ListBranchConfigurationsAsync()));
        Assert.Null(await store.GetBranchConfigurationAsync("NORTH", "HILL"));
        Assert.Null(await store.GetInstitutionAsync("SOUTH"));
    }

    /// <summary>Saving again under the same id in any case replaces the entry.</summary>
    [Fact]
    public async Task Saving_under_the_same_id_replaces()
    {
        var store = await NewStoreAsync();
        Assert.Null(await store.SaveGroupAsync(new Sip2InstitutionGroup { Id = "g", Name = "Renamed" }));
        Assert.Null(await store.SaveInstitutionAsync(new Sip2Institution { Id = "c", Name = "Now in G", GroupId = "G" }));
        Assert.Null(await store.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "a", BranchId = "main", TimeoutSeconds = 12 }));

        Assert.Equal("Renamed", Assert.Single(await store.ListGroupsAsync()).Name);
        Assert.Equal(3, (await store.GetGroupMembersAsync("G")).Count);
        Assert.Equal(4, (await store.ListBranchConfigurationsAsync()).Count);
        Assert.Equal(12, (await store.GetBranchConfigurationAsync("A", "MAIN"))!.TimeoutSeconds);
    }

    /// <summary>An institution's group and a branch configuration's institution must exist.</summary>
    [Fact]
    public async Task What_an_entry_names_must_exist()
    {
        var store = await NewStoreAsync();
        await AssertRefusedAsync(store, async () => await store.SaveInstitutionAsync(new Sip2Institution { Id = "X", GroupId = "nope" }), Sip2RegistryRule.UnknownGroup, "GroupId");
        await AssertRefusedAsync(store, async () => await store.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "X", BranchId = "MAIN" }), Sip2RegistryRule.UnknownInstitution, "InstitutionId");
    }

    /// <summary>A group with institutions, an institution with branch configurations or registrations, a branch with registrations cannot be deleted.</summary>
    [Fact]
    public async Task What_is_still_referenced_cannot_be_deleted()
    {
        var store = await NewStoreAsync();
        await CreateAsync(store, Registration(Kiosk, institution: "C"));
        await AssertRefusedAsync(store, async () => await store.DeleteGroupAsync("G"), Sip2RegistryRule.StillReferenced, "Id");
        await AssertRefusedAsync(store, async () => await store.DeleteInstitutionAsync("A"), Sip2RegistryRule.StillReferenced, "Id");
        await AssertRefusedAsync(store, async () => await store.DeleteBranchConfigurationAsync("c", "main"), Sip2RegistryRule.StillReferenced, "BranchId");
        Assert.Null(await store.DeleteBranchConfigurationAsync("B", "MAIN"));
        Assert.Null(await store.DeleteInstitutionAsync("b"));

        // Once nothing refers to them any more, they can be deleted.
        var registration = Assert.Single(await store.ListAsync());
        Assert.Null(await store.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "A", BranchId = "WEST" }));
        Assert.True((await store.UpdateAsync(registration with { InstitutionId = "A", BranchId = "WEST" })).Succeeded);
        Assert.Null(await store.DeleteBranchConfigurationAsync("C", "MAIN"));
        Assert.Null(await store.DeleteInstitutionAsync("C"));
        Assert.Equal(new[] { "A" }, (await store.ListInstitutionsAsync()).Select(i => i.Id));
    }

    /// <summary>Deleting a group, institution or branch configuration that does not exist is refused as not found.</summary>
    [Fact]
    public async Task Deleting_what_does_not_exist_is_refused_as_not_found()
    {
        var store = await NewStoreAsync();
        await AssertRefusedAsync(store, async () => await store.DeleteGroupAsync("nope"), Sip2RegistryRule.NotFound, "Id");
        await AssertRefusedAsync(store, async () => await store.DeleteInstitutionAsync("nope"), Sip2RegistryRule.NotFound, "Id");
        await AssertRefusedAsync(store, async () => await store.DeleteBranchConfigurationAsync("A", "nope"), Sip2RegistryRule.NotFound, "BranchId");
    }

    /// <summary>Ids SIP2 or a web route cannot carry, over-long names and texts with a delimiter are invalid values.</summary>
    [Fact]
    public async Task Directory_values_SIP2_cannot_carry_are_refused()
    {
        var store = await NewStoreAsync();
        foreach (var id in new[] { "A|B", "A/B", " A", "A ", "", "   ", "tab\t", new string('i', 256) })
        {
            await AssertRefusedAsync(store, async () => await store.SaveGroupAsync(new Sip2InstitutionGroup { Id = id }), Sip2RegistryRule.InvalidValue, "Id");
            await AssertRefusedAsync(store, async () => await store.SaveInstitutionAsync(new Sip2Institution { Id = id }), Sip2RegistryRule.InvalidValue, "Id");
            await AssertRefusedAsync(store, async () => await store.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "A", BranchId = id }), Sip2RegistryRule.InvalidValue, "BranchId");
        }

        await AssertRefusedAsync(store, async () => await store.SaveGroupAsync(new Sip2InstitutionGroup { Id = "H", Name = new string('n', 256) }), Sip2RegistryRule.InvalidValue, "Name");
        await AssertRefusedAsync(store, async () => await store.SaveInstitutionAsync(new Sip2Institution { Id = "D", Name = "a|b" }), Sip2RegistryRule.InvalidValue, "Name");
        var main = (await store.GetBranchConfigurationAsync("A", "MAIN"))!;
        await AssertRefusedAsync(store, async () => await store.SaveBranchConfigurationAsync(main with { LibraryName = "two|fields" }), Sip2RegistryRule.InvalidValue, "LibraryName");
        await AssertRefusedAsync(store, async () => await store.SaveBranchConfigurationAsync(main with { TerminalLocation = "line\nbreak" }), Sip2RegistryRule.InvalidValue, "TerminalLocation");
    }

    /// <summary>A branch's timeout is 1 to 99 seconds and its retries 0 to 999: what the ACS Status answer can carry.</summary>
    [Theory]
    [InlineData(0, 3, "TimeoutSeconds")]
    [InlineData(100, 3, "TimeoutSeconds")]
    [InlineData(30, -1, "RetriesAllowed")]
    [InlineData(30, 1000, "RetriesAllowed")]
    public async Task A_branch_setting_the_status_answer_cannot_carry_is_refused(int timeout, int retries, string field)
    {
        var store = await NewStoreAsync();
        var main = (await store.GetBranchConfigurationAsync("A", "MAIN"))!;
        await AssertRefusedAsync(store, async () => await store.SaveBranchConfigurationAsync(main with { TimeoutSeconds = timeout, RetriesAllowed = retries }), Sip2RegistryRule.InvalidValue, field);
        Assert.Null(await store.SaveBranchConfigurationAsync(main with { TimeoutSeconds = 99, RetriesAllowed = 999 }));
        Assert.Null(await store.SaveBranchConfigurationAsync(main with { TimeoutSeconds = 1, RetriesAllowed = 0 }));
    }

    /// <summary>A custom message replaces the default for its institution only; removing it brings the default back.</summary>
    [Fact]
    public async Task A_custom_message_replaces_the_default_for_its_institution_only()
    {
        var store = await NewStoreAsync();
        var standard = Sip2MessageCatalog.GetDefaultText(Sip2MessageScenario.PatronNotFound);
        Assert.Null(await store.SetMessageOverrideAsync("A", Sip2MessageScenario.PatronNotFound, "Card unknown, ask at the desk."));
        Assert.Null(await store.SetMessageOverrideAsync("A", Sip2MessageScenario.ItemNotFound, "No such item."));

        Assert.Equal("Card unknown, ask at the desk.", store.GetText(Sip2MessageScenario.PatronNotFound, "a"));
        Assert.Equal(standard, store.GetText(Sip2MessageScenario.PatronNotFound, "B"));
        Assert.Equal(standard, store.GetText(Sip2MessageScenario.PatronNotFound, null));
        Assert.Equal(new[] { Sip2MessageScenario.PatronNotFound, Sip2MessageScenario.ItemNotFound }.Order(), (await store.ListMessageOverridesAsync("a")).Select(o => o.Scenario).Order());
        Assert.Empty(await store.ListMessageOverridesAsync("B"));

        Assert.Null(await store.SetMessageOverrideAsync("A", Sip2MessageScenario.PatronNotFound, "Second text."));
        Assert.Equal("Second text.", store.GetText(Sip2MessageScenario.PatronNotFound, "A"));
        Assert.Null(await store.SetMessageOverrideAsync("A", Sip2MessageScenario.PatronNotFound, null));
        Assert.Equal(standard, store.GetText(Sip2MessageScenario.PatronNotFound, "A"));
        Assert.Equal(Sip2MessageScenario.ItemNotFound, Assert.Single(await store.ListMessageOverridesAsync("A")).Scenario);
    }

    /// <summary>Removing a custom message that is not there changes nothing; deleting an institution removes its custom messages.</summary>
    [Fact]
    public async Task Custom_messages_go_with_their_institution()
    {
        var store = await NewStoreAsync();
        Assert.Null(await WatchUnchangedAsync(store, async () => await store.SetMessageOverrideAsync("C", Sip2MessageScenario.ItemNotFound, null)));
        Assert.Null(await store.SetMessageOverrideAsync("C", Sip2MessageScenario.ItemNotFound, "Gone?"));
        Assert.Null(await store.DeleteBranchConfigurationAsync("C", "MAIN"));
        Assert.Null(await store.DeleteInstitutionAsync("C"));
        Assert.Null(await store.SaveInstitutionAsync(new Sip2Institution { Id = "C" }));
        Assert.Empty(await store.ListMessageOverridesAsync("C"));
        Assert.Equal(Sip2MessageCatalog.GetDefaultText(Sip2MessageScenario.ItemNotFound), store.GetText(Sip2MessageScenario.ItemNotFound, "C"));
    }

    /// <summary>A custom message needs an existing institution, a known scenario and a text that fits a screen message.</summary>
    [Fact]
    public async Task A_custom_message_SIP2_cannot_carry_is_refused()
    {
        var store = await NewStoreAsync();
        await AssertRefusedAsync(store, async () => await store.SetMessageOverrideAsync("X", Sip2MessageScenario.ItemNotFound, "text"), Sip2RegistryRule.UnknownInstitution, "InstitutionId");
        await AssertRefusedAsync(store, async () => await store.SetMessageOverrideAsync("X", Sip2MessageScenario.ItemNotFound, null), Sip2RegistryRule.UnknownInstitution, "InstitutionId");
        await AssertRefusedAsync(store, async () => await store.SetMessageOverrideAsync("A", (Sip2MessageScenario)9999, "text"), Sip2RegistryRule.InvalidValue, "Scenario");
        foreach (var text in new[] { "two|fields", "  ", "", "line\rbreak", new string('t', 256) })
        {
            await AssertRefusedAsync(store, async () => await store.SetMessageOverrideAsync("A", Sip2MessageScenario.ItemNotFound, text), Sip2RegistryRule.InvalidValue, "Text");
        }

        Assert.Null(await store.SetMessageOverrideAsync("A", Sip2MessageScenario.ItemNotFound, new string('t', 255)));
    }

    /// <summary>A new store is reachable, says whether it keeps changes, and asks to be seeded only on its first initialisation.</summary>
    [Fact]
    public async Task A_new_store_is_reachable_and_created_empty_once()
    {
        var store = await NewEmptyStoreAsync(new Sip2RegistryOptions());
        Assert.False(await store.InitializeAsync());
        var status = store.GetStatus();
        Assert.True(status.IsReachable, status.Problem);
        Assert.Null(status.Problem);
        Assert.Empty(await store.ListAsync());
        Assert.Empty(await store.ListGroupsAsync());
        Assert.Empty(await store.ListAuditAsync());
        _ = store.IsDurable; // either answer is allowed; the admin screens show it
    }
}
