using System.Net;
using System.Threading.Tasks;
using Sip2.Net.Access;
using Sip2.Net.Resolution;
using static Sip2.Net.Tests.Access.AccessFixture;

namespace Sip2.Net.Tests.Access;

/// <summary>The in-memory store's directory, custom messages and audit trail (the registration rules are in RegistryRuleTests).</summary>
public sealed class RegistryStoreTests
{
    private readonly InMemorySip2RegistryStore store = Directory();

    [Fact]
    public async Task A_group_with_institutions_an_institution_with_branches_and_a_branch_with_registrations_cannot_be_deleted()
    {
        await CreateAsync(store, Registration(Kiosk, branch: "EAST"));

        Assert.Equal(Sip2RegistryRule.StillReferenced, (await store.DeleteGroupAsync("G"))?.Rule);
        Assert.Equal(Sip2RegistryRule.StillReferenced, (await store.DeleteInstitutionAsync("A"))?.Rule);
        Assert.Equal(Sip2RegistryRule.StillReferenced, (await store.DeleteBranchConfigurationAsync("a", "east"))?.Rule);
        Assert.NotNull(await store.GetBranchConfigurationAsync("A", "EAST"));
        Assert.Equal(2, (await store.GetGroupMembersAsync("G")).Count);

        Assert.Null(await store.DeleteBranchConfigurationAsync("A", "MAIN"));
        Assert.Null(await store.GetBranchConfigurationAsync("A", "MAIN"));
    }

    [Fact]
    public async Task Deleting_what_does_not_exist_is_refused_as_not_found()
    {
        Assert.Equal(Sip2RegistryRule.NotFound, (await store.DeleteGroupAsync("nope"))?.Rule);
        Assert.Equal(Sip2RegistryRule.NotFound, (await store.DeleteInstitutionAsync("nope"))?.Rule);
        Assert.Equal(Sip2RegistryRule.NotFound, (await store.DeleteBranchConfigurationAsync("A", "nope"))?.Rule);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public async Task A_branch_timeout_the_status_answer_cannot_carry_is_refused_and_nothing_changes(int seconds)
    {
        var before = await store.GetBranchConfigurationAsync("A", "MAIN");
        var error = await store.SaveBranchConfigurationAsync(before! with { TimeoutSeconds = seconds });
        Assert.Equal(Sip2RegistryRule.InvalidValue, error?.Rule);
        Assert.Equal(nameof(Sip2BranchConfiguration.TimeoutSeconds), error?.Field);
        Assert.Equal(before, await store.GetBranchConfigurationAsync("A", "MAIN"));
    }

    [Theory]
    [InlineData("A|B")]
    [InlineData("A/B")]
    [InlineData(" A")]
    [InlineData("")]
    public async Task An_id_sip2_or_a_route_cannot_carry_is_refused(string id)
    {
        Assert.Equal(Sip2RegistryRule.InvalidValue, (await store.SaveInstitutionAsync(new Sip2Institution { Id = id }))?.Rule);
    }

    [Fact]
    public async Task A_custom_message_replaces_the_default_for_its_institution_only_and_removing_it_restores_the_default()
    {
        Assert.Null(await store.SetMessageOverrideAsync("A", Sip2MessageScenario.PatronNotFound, "Card unknown, ask at the desk."));

        Assert.Equal("Card unknown, ask at the desk.", store.GetText(Sip2MessageScenario.PatronNotFound, "a"));
        Assert.Equal(Sip2MessageCatalog.GetDefaultText(Sip2MessageScenario.PatronNotFound), store.GetText(Sip2MessageScenario.PatronNotFound, "B"));
        Assert.Single(await store.ListMessageOverridesAsync("A"));

        Assert.Null(await store.SetMessageOverrideAsync("A", Sip2MessageScenario.PatronNotFound, null));
        Assert.Equal(Sip2MessageCatalog.GetDefaultText(Sip2MessageScenario.PatronNotFound), store.GetText(Sip2MessageScenario.PatronNotFound, "A"));
    }

    [Theory]
    [InlineData("X", "text", Sip2RegistryRule.UnknownInstitution)]
    [InlineData("A", "two|fields", Sip2RegistryRule.InvalidValue)]
    [InlineData("A", "  ", Sip2RegistryRule.InvalidValue)]
    public async Task A_custom_message_sip2_cannot_carry_is_refused(string institution, string text, Sip2RegistryRule rule)
    {
        Assert.Equal(rule, (await store.SetMessageOverrideAsync(institution, Sip2MessageScenario.ItemNotFound, text))?.Rule);
        Assert.Empty(await store.ListMessageOverridesAsync("A"));
    }

    [Fact]
    public async Task Every_accepted_change_is_audited_with_its_actor_newest_first_and_refusals_are_not()
    {
        var fresh = new InMemorySip2RegistryStore();
        Assert.Null(await fresh.SaveInstitutionAsync(new Sip2Institution { Id = "A" }, "alice"));
        Assert.Null(await fresh.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "A", BranchId = "MAIN" }, "alice"));
        Assert.NotNull(await fresh.SaveInstitutionAsync(new Sip2Institution { Id = "B", GroupId = "none" }, "mallory"));
        var created = (await fresh.CreateAsync(Registration(Kiosk, "k1", "secret-1"), "bob")).GetValueOrThrow();
        await fresh.DeactivateAsync(created.Id);

        var trail = await fresh.ListAuditAsync();
        Assert.Equal(
            [Sip2AuditAction.RegistrationDeactivated, Sip2AuditAction.RegistrationCreated, Sip2AuditAction.BranchConfigurationSaved, Sip2AuditAction.InstitutionSaved],
            trail.Select(e => e.Action));
        Assert.Equal(["unknown", "bob", "alice", "alice"], trail.Select(e => e.Actor));
        Assert.Equal(created.Id.ToString(), trail[1].Subject);
        Assert.Equal("A/MAIN", trail[2].Subject);
        Assert.True(trail.Zip(trail.Skip(1)).All(pair => pair.First.Sequence > pair.Second.Sequence));

        var older = await fresh.ListAuditAsync(limit: 2, before: trail[1].Sequence);
        Assert.Equal([Sip2AuditAction.BranchConfigurationSaved, Sip2AuditAction.InstitutionSaved], older.Select(e => e.Action));
    }

    [Fact]
    public async Task The_audit_trail_never_holds_a_password_or_its_hash()
    {
        var hash = Hash("CorrectHorse");
        var created = (await store.CreateAsync(Registration(Shared) with { LoginId = "k1", PasswordHash = hash })).GetValueOrThrow();
        await store.SetPasswordAsync(created.Id, Hash("BatteryStaple"));
        await store.ChangeLoginIdAsync(created.Id, "k2", Hash("Tr0ub4dor"));

        foreach (var entry in await store.ListAuditAsync())
        {
            Assert.DoesNotContain("CorrectHorse", entry.Details, StringComparison.Ordinal);
            Assert.DoesNotContain(Sip2PasswordHash.AlgorithmId, entry.Details, StringComparison.Ordinal);
            Assert.DoesNotContain(hash.ToStoredString().Split('$')[3], entry.Details, StringComparison.Ordinal);
        }

        Assert.Contains("password=set", (await store.ListAuditAsync())[0].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_in_memory_store_says_it_is_not_durable_and_asks_to_be_seeded_once()
    {
        var fresh = new InMemorySip2RegistryStore();
        Assert.False(fresh.IsDurable);
        Assert.True(await fresh.InitializeAsync());
        Assert.False(await fresh.InitializeAsync());
        Assert.True(fresh.GetStatus().IsReachable);
    }
}
