using Sip2.Net.Access;
using Sip2.Net.Resolution;
using static Sip2.Net.Storage.Tests.Contract.Seed;

namespace Sip2.Net.Storage.Tests.Contract;

// The directory, custom messages, the audit trail, and what a durable store keeps across a reopen.
public static partial class RegistryStoreContract
{
    private static async Task DirectoryOperationsAsync(StoreHarness harness)
    {
        await using var database = await harness.CreateDatabaseAsync();
        var store = await database.OpenAsync();
        await DirectoryAsync(store);

        Assert.Equal(["G"], (await store.ListGroupsAsync()).Select(g => g.Id));
        Assert.Equal(["A", "B"], (await store.ListInstitutionsAsync()).Select(i => i.Id));
        Assert.Equal(["A/EAST", "A/MAIN", "B/MAIN"], (await store.ListBranchConfigurationsAsync()).Select(b => b.InstitutionId + "/" + b.BranchId));
        Assert.Equal(["A", "B"], (await store.GetGroupMembersAsync("g")).Select(i => i.Id).OrderBy(i => i));
        Assert.Equal("Alpha", (await store.GetInstitutionAsync("a"))!.Name);
        Assert.Equal("Alpha Main", (await store.GetBranchConfigurationAsync("a", "main"))!.LibraryName);

        // Saving again replaces, whatever the case of the id; the new spelling is kept.
        await MustAsync(store.SaveGroupAsync(new Sip2InstitutionGroup { Id = "g", Name = "Renamed" }));
        Assert.Equal([new Sip2InstitutionGroup { Id = "g", Name = "Renamed" }], await store.ListGroupsAsync());
        await MustAsync(store.SaveInstitutionAsync(new Sip2Institution { Id = "B", Name = "Beta 2" }));
        Assert.Equal(new Sip2Institution { Id = "B", Name = "Beta 2" }, await store.GetInstitutionAsync("B"));
        Assert.Equal(["A"], (await store.GetGroupMembersAsync("G")).Select(i => i.Id));
        var configuration = new Sip2BranchConfiguration
        {
            InstitutionId = "a", BranchId = "main", SupportedMessages = Messages.SupportedMessages.All & ~Messages.SupportedMessages.Renew, TimeoutSeconds = 45, RetriesAllowed = 7,
            TerminalLocation = "Hall", LibraryName = "Alpha Central", SendPersonalData = true, UseSortBin = true, AvailableHoldAllowed = false, OnlineStatus = false,
            CheckinOk = false, CheckoutOk = false, RenewalPolicy = false, StatusUpdateOk = true, OfflineOk = true,
        };
        await MustAsync(store.SaveBranchConfigurationAsync(configuration));
        Assert.Equal(configuration, await store.GetBranchConfigurationAsync("A", "MAIN"));
        Assert.Equal(3, (await store.ListBranchConfigurationsAsync()).Count);

        // Deleting, in the order references allow.
        await MustAsync(store.DeleteBranchConfigurationAsync("B", "MAIN"));
        Assert.Null(await store.GetBranchConfigurationAsync("B", "MAIN"));
        await MustAsync(store.DeleteInstitutionAsync("b"));
        Assert.Null(await store.GetInstitutionAsync("B"));
        await MustAsync(store.SaveInstitutionAsync(new Sip2Institution { Id = "A", Name = "Alpha" }));
        await MustAsync(store.DeleteGroupAsync("G"));
        Assert.Empty(await store.ListGroupsAsync());
    }

    private static async Task RefusedDirectoryOperationsAsync(StoreHarness harness)
    {
        await using var database = await harness.CreateDatabaseAsync();
        var store = await database.OpenAsync();
        await DirectoryAsync(store);
        await CreateAsync(store, Registration(Kiosk, branch: "EAST"));

        var cases = new (string What, Func<ValueTask<Sip2RegistryError?>> Operation, Sip2RegistryRule Rule, string Field)[]
        {
            ("an institution in an unknown group", () => store.SaveInstitutionAsync(new Sip2Institution { Id = "C", GroupId = "NONE" }), Sip2RegistryRule.UnknownGroup, "GroupId"),
            ("an institution id with a delimiter", () => store.SaveInstitutionAsync(new Sip2Institution { Id = "A|B" }), Sip2RegistryRule.InvalidValue, "Id"),
            ("a group id with surrounding spaces", () => store.SaveGroupAsync(new Sip2InstitutionGroup { Id = " G" }), Sip2RegistryRule.InvalidValue, "Id"),
            ("a branch of an unknown institution", () => store.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "X", BranchId = "MAIN" }), Sip2RegistryRule.UnknownInstitution, "InstitutionId"),
            ("a timeout 98 cannot carry", () => store.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "A", BranchId = "MAIN", TimeoutSeconds = 100 }), Sip2RegistryRule.InvalidValue, "TimeoutSeconds"),
            ("a library name with a delimiter", () => store.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "A", BranchId = "MAIN", LibraryName = "a|b" }), Sip2RegistryRule.InvalidValue, "LibraryName"),
            ("a group with institutions", () => store.DeleteGroupAsync("G"), Sip2RegistryRule.StillReferenced, "Id"),
            ("an institution with branch configurations", () => store.DeleteInstitutionAsync("A"), Sip2RegistryRule.StillReferenced, "Id"),
            ("a branch configuration with registrations", () => store.DeleteBranchConfigurationAsync("a", "east"), Sip2RegistryRule.StillReferenced, "BranchId"),
            ("an unknown group", () => store.DeleteGroupAsync("NONE"), Sip2RegistryRule.NotFound, "Id"),
            ("an unknown institution", () => store.DeleteInstitutionAsync("NONE"), Sip2RegistryRule.NotFound, "Id"),
            ("an unknown branch configuration", () => store.DeleteBranchConfigurationAsync("A", "NONE"), Sip2RegistryRule.NotFound, "BranchId"),
            ("a message for an unknown institution", () => store.SetMessageOverrideAsync("X", Sip2MessageScenario.ItemNotFound, "text"), Sip2RegistryRule.UnknownInstitution, "InstitutionId"),
            ("a message with a delimiter", () => store.SetMessageOverrideAsync("A", Sip2MessageScenario.ItemNotFound, "two|fields"), Sip2RegistryRule.InvalidValue, "Text"),
            ("an empty message", () => store.SetMessageOverrideAsync("A", Sip2MessageScenario.ItemNotFound, "  "), Sip2RegistryRule.InvalidValue, "Text"),
            ("an unknown scenario", () => store.SetMessageOverrideAsync("A", (Sip2MessageScenario)999, "text"), Sip2RegistryRule.InvalidValue, "Scenario"),
        };

        foreach (var (what, operation, rule, field) in cases)
        {
            var before = await StateAsync(store);
            var error = await operation();
            Assert.True(error is not null, $"{what}: accepted");
            Assert.True(rule == error.Rule && field == error.Field, $"{what}: {error} (expected {rule} on {field})");
            Assert.Equal(before, await StateAsync(store));
        }
    }

    private static async Task CustomMessagesAsync(StoreHarness harness)
    {
        await using var database = await harness.CreateDatabaseAsync();
        var store = await database.OpenAsync();
        await DirectoryAsync(store);
        var standard = Sip2MessageCatalog.GetDefaultText(Sip2MessageScenario.PatronNotFound);

        await MustAsync(store.SetMessageOverrideAsync("a", Sip2MessageScenario.PatronNotFound, "Card unknown, ask at the desk."));
        Assert.Equal("Card unknown, ask at the desk.", store.GetText(Sip2MessageScenario.PatronNotFound, "A"));
        Assert.Equal(standard, store.GetText(Sip2MessageScenario.PatronNotFound, "B"));
        Assert.Equal(standard, store.GetText(Sip2MessageScenario.PatronNotFound, null));
        Assert.Equal([new Sip2MessageOverride { InstitutionId = "A", Scenario = Sip2MessageScenario.PatronNotFound, Text = "Card unknown, ask at the desk." }], await store.ListMessageOverridesAsync("A"));

        await MustAsync(store.SetMessageOverrideAsync("A", Sip2MessageScenario.PatronNotFound, "Replaced."));
        Assert.Equal("Replaced.", store.GetText(Sip2MessageScenario.PatronNotFound, "a"));
        var audited = (await store.ListAuditAsync(1000)).Count;
        await MustAsync(store.SetMessageOverrideAsync("A", Sip2MessageScenario.ItemNotFound, null)); // nothing to remove: no change, no entry
        Assert.Equal(audited, (await store.ListAuditAsync(1000)).Count);
        await MustAsync(store.SetMessageOverrideAsync("A", Sip2MessageScenario.PatronNotFound, null));
        Assert.Equal(standard, store.GetText(Sip2MessageScenario.PatronNotFound, "A"));

        // An institution's messages go with it.
        await MustAsync(store.SetMessageOverrideAsync("B", Sip2MessageScenario.ItemNotFound, "Beta's text."));
        await MustAsync(store.DeleteBranchConfigurationAsync("B", "MAIN"));
        await MustAsync(store.DeleteInstitutionAsync("B"));
        await MustAsync(store.SaveInstitutionAsync(new Sip2Institution { Id = "B" }));
        Assert.Empty(await store.ListMessageOverridesAsync("B"));
        Assert.Equal(Sip2MessageCatalog.GetDefaultText(Sip2MessageScenario.ItemNotFound), store.GetText(Sip2MessageScenario.ItemNotFound, "B"));
    }

    private static async Task AuditAsync(StoreHarness harness)
    {
        await using var database = await harness.CreateDatabaseAsync();
        var store = await database.OpenAsync();
        Assert.Null(await store.SaveInstitutionAsync(new Sip2Institution { Id = "A" }, "alice"));
        Assert.Null(await store.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "A", BranchId = "MAIN" }, "  alice  "));
        Assert.NotNull(await store.SaveInstitutionAsync(new Sip2Institution { Id = "B", GroupId = "none" }, "mallory"));
        var created = (await store.CreateAsync(Registration(Kiosk, "k1", "secret-1"), "bob")).GetValueOrThrow();
        await store.DeactivateAsync(created.Id);
        await store.DeactivateAsync(created.Id, "bob"); // a no-op is not a change

        var trail = await store.ListAuditAsync();
        Assert.Equal(
            [Sip2AuditAction.RegistrationDeactivated, Sip2AuditAction.RegistrationCreated, Sip2AuditAction.BranchConfigurationSaved, Sip2AuditAction.InstitutionSaved],
            trail.Select(e => e.Action));
        Assert.Equal([Sip2AuditDetails.UnknownActor, "bob", "alice", "alice"], trail.Select(e => e.Actor));
        Assert.Equal([created.Id.ToString(), created.Id.ToString(), "A/MAIN", "A"], trail.Select(e => e.Subject));
        Assert.Equal(Sip2AuditDetails.Of(created), trail[1].Details);
        Assert.Equal(Sip2AuditDetails.Of(created with { Activated = false }), trail[0].Details);
        Assert.True(trail.Zip(trail.Skip(1)).All(pair => pair.First.Sequence > pair.Second.Sequence && pair.First.Time >= pair.Second.Time));

        var older = await store.ListAuditAsync(limit: 2, before: trail[1].Sequence);
        Assert.Equal([Sip2AuditAction.BranchConfigurationSaved, Sip2AuditAction.InstitutionSaved], older.Select(e => e.Action));
        Assert.Single(await store.ListAuditAsync(limit: 1));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.ListAuditAsync(limit: 0));
    }

    private static async Task AuditWithoutSecretsAsync(StoreHarness harness)
    {
        await using var database = await harness.CreateDatabaseAsync();
        var store = await database.OpenAsync();
        await DirectoryAsync(store);
        var hashes = new[] { Hash("CorrectHorse"), Hash("BatteryStaple"), Hash("Tr0ub4dor") };
        var created = await CreateAsync(store, Registration(Shared) with { LoginId = "k1", PasswordHash = hashes[0] });
        await store.SetPasswordAsync(created.Id, hashes[1]);
        await store.ChangeLoginIdAsync(created.Id, "k2", hashes[2]);
        await store.DeleteAsync(created.Id);

        var trail = await store.ListAuditAsync();
        Assert.Equal(4, trail.Count(e => e.Subject == created.Id.ToString()));
        foreach (var entry in trail)
        {
            Assert.DoesNotContain(Sip2PasswordHash.AlgorithmId, entry.Details, StringComparison.Ordinal);
            foreach (var part in hashes.SelectMany(h => h.ToStoredString().Split('$').Skip(2)))
            {
                Assert.DoesNotContain(part, entry.Details, StringComparison.Ordinal);
            }
        }

        Assert.Contains("password=set", trail[0].Details, StringComparison.Ordinal);
    }

    private static async Task SurvivesReopenAsync(StoreHarness harness)
    {
        await using var database = await harness.CreateDatabaseAsync();
        var store = await database.OpenAsync();
        await DirectoryAsync(store);
        var kiosk = await CreateAsync(store, Registration(Kiosk.MapToIPv6(), "kiosk", "pw") with { Description = "Ground floor", Vendor = "Envisionware" });
        await CreateAsync(store, Registration(Shared, "k1", "pw-1"));
        await CreateAsync(store, Registration(Shared, "k2", "pw-2", institution: "B"));
        await store.DeactivateAsync(kiosk.Id, "carol");
        await MustAsync(store.SetMessageOverrideAsync("A", Sip2MessageScenario.PatronBlocked, "Please see the desk."));
        var state = await StateAsync(store);
        var trail = await store.ListAuditAsync(1000);

        var reopened = await database.OpenAsync();
        Assert.Equal(state, await StateAsync(reopened));
        Assert.Equal(trail, await reopened.ListAuditAsync(1000));
        Assert.True((await reopened.GetAsync(kiosk.Id))!.PasswordHash!.Verify("pw"));
        Assert.Equal("Please see the desk.", reopened.GetText(Sip2MessageScenario.PatronBlocked, "a"));
        Assert.True(reopened.IsDurable);

        // The new store goes on where the old one stopped: its audit entries follow the old ones.
        await reopened.ActivateAsync(kiosk.Id, "dave");
        Assert.True((await reopened.ListAuditAsync(1))[0].Sequence > trail[0].Sequence);
    }

    private static async Task InitializeOnceAsync(StoreHarness harness)
    {
        await using var database = await harness.CreateDatabaseAsync();
        var first = database.Open();
        Assert.True(await first.InitializeAsync());
        Assert.False(await first.InitializeAsync());
        await DirectoryAsync(first);

        var second = database.Open();
        Assert.False(await second.InitializeAsync());
        Assert.Equal(await StateAsync(first), await StateAsync(second));
        Assert.True(second.GetStatus().IsReachable);
    }
}
