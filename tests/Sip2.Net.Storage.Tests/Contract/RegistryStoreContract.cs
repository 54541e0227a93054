using System.Net;
using Sip2.Net.Access;
using Sip2.Net.Encodings;
using Sip2.Net.Resolution;
using static Sip2.Net.Storage.Tests.Contract.Seed;

namespace Sip2.Net.Storage.Tests.Contract;

/// <summary>
/// The registry store contract: what every <see cref="ISip2RegistryStore"/> must do, as named checks over a
/// <see cref="StoreHarness"/>. Each provider's test class runs every check as one case of a theory; the in-memory store,
/// the reference, runs them first. Written against the interfaces only, so the checks can move to the shared contract
/// suite unchanged.
/// </summary>
public static partial class RegistryStoreContract
{
    private static readonly Dictionary<string, (bool DurableOnly, Func<StoreHarness, Task> Check)> All = new()
    {
        ["every registration operation is stored and read back"] = (false, EveryRegistrationOperationAsync),
        ["every refused registration operation names its rule and field and changes nothing"] = (false, RefusedRegistrationOperationsAsync),
        ["changing the login id clears the password unless one comes along"] = (false, LoginChangeClearsPasswordAsync),
        ["events are raised for stored changes, not for refusals or no-ops"] = (false, EventsAsync),
        ["groups, institutions and branch configurations are saved, replaced and deleted"] = (false, DirectoryOperationsAsync),
        ["every refused directory operation names its rule and field and changes nothing"] = (false, RefusedDirectoryOperationsAsync),
        ["custom messages override the default for their institution only"] = (false, CustomMessagesAsync),
        ["every accepted change is audited with its actor, newest first; refusals are not"] = (false, AuditAsync),
        ["the audit trail never holds a password or its hash"] = (false, AuditWithoutSecretsAsync),
        ["random operation sequences agree with the reference model"] = (false, h => RegistryModel.RunAsync(h, twoInstances: false)),
        ["random operation sequences on two instances agree with the reference model"] = (false, h => RegistryModel.RunAsync(h, twoInstances: true)),
        ["parallel operations from two instances never break a rule"] = (false, ParallelOperationsAsync),
        ["everything survives a new store over the same database, audit included"] = (true, SurvivesReopenAsync),
        ["InitializeAsync says true only when it created the store"] = (true, InitializeOnceAsync),
    };

    /// <summary>The names of the checks a store of that kind must pass.</summary>
    public static TheoryData<string> Checks(bool durable)
    {
        var names = new TheoryData<string>();
        foreach (var (name, check) in All)
        {
            if (durable || !check.DurableOnly)
            {
                names.Add(name);
            }
        }

        return names;
    }

    public static Task RunAsync(string check, StoreHarness harness) => All[check].Check(harness);

    private static async Task EveryRegistrationOperationAsync(StoreHarness harness)
    {
        await using var database = await harness.CreateDatabaseAsync();
        var store = await database.OpenAsync();
        await DirectoryAsync(store);

        // Create: an id is assigned, the address is stored normalised (the IPv4-mapped form is the IPv4 address).
        var created = await CreateAsync(store, Registration(Kiosk.MapToIPv6(), "kiosk", "pw-1") with { Description = "By the door", Vendor = "Bibliotheca" });
        Assert.NotEqual(Guid.Empty, created.Id);
        Assert.Equal(Kiosk, created.IPAddress);
        Assert.Equal(created, await store.GetAsync(created.Id));
        Assert.Equal([created], await store.ListAsync());
        Assert.Equal([created], await store.ListByAddressAsync(Kiosk));
        Assert.Equal([created], await store.ListByAddressAsync(Kiosk.MapToIPv6()));
        Assert.Equal([created], await store.ListByInstitutionAsync("a"));
        Assert.Empty(await store.ListByAddressAsync(Other));

        // Update the settings.
        var updated = (await store.UpdateAsync(created with { BranchId = "EAST", Encoding = Sip2CharacterEncoding.Utf8, ResolutionLevel = Sip2ResolutionLevel.WholeGroup, Description = null })).GetValueOrThrow();
        Assert.Equal(created with { BranchId = "EAST", Encoding = Sip2CharacterEncoding.Utf8, ResolutionLevel = Sip2ResolutionLevel.WholeGroup, Description = null }, updated);
        Assert.Equal(updated, await store.GetAsync(created.Id));

        // Deactivate, activate (each twice: the second is a no-op that succeeds).
        Assert.Equal(Sip2RegistrationChangeKind.Deactivated, (await store.DeactivateAsync(created.Id)).Change);
        Assert.Null((await store.DeactivateAsync(created.Id)).Change);
        Assert.False((await store.GetAsync(created.Id))!.Activated);
        Assert.Equal(Sip2RegistrationChangeKind.Activated, (await store.ActivateAsync(created.Id)).Change);
        Assert.Null((await store.ActivateAsync(created.Id)).Change);
        Assert.True((await store.GetAsync(created.Id))!.Activated);

        // Password, login id.
        var password = Hash("pw-2");
        Assert.Equal(password, (await store.SetPasswordAsync(created.Id, password)).GetValueOrThrow().PasswordHash);
        Assert.Equal(password, (await store.GetAsync(created.Id))!.PasswordHash);
        var renamed = (await store.ChangeLoginIdAsync(created.Id, "kiosk-2", Hash("pw-3"))).GetValueOrThrow();
        Assert.Equal("kiosk-2", renamed.LoginId);
        Assert.True(renamed.PasswordHash!.Verify("pw-3"));
        Assert.Equal(renamed, await store.GetAsync(created.Id));
        var withoutLogin = (await store.ChangeLoginIdAsync(created.Id, null)).GetValueOrThrow();
        Assert.Null(withoutLogin.LoginId);
        Assert.Null(withoutLogin.PasswordHash);

        // A second registration with an explicit id, then delete both.
        var id = Guid.NewGuid();
        var second = await CreateAsync(store, Registration(Shared, "k1", "pw") with { Id = id, InstitutionId = "B" });
        Assert.Equal(id, second.Id);
        Assert.Equal([second], await store.ListByInstitutionAsync("B"));
        Assert.Equal(withoutLogin, (await store.DeleteAsync(created.Id)).GetValueOrThrow());
        Assert.Null(await store.GetAsync(created.Id));
        Assert.Empty(await store.ListByAddressAsync(Kiosk));
        Assert.Equal(Sip2RegistrationChangeKind.Deleted, (await store.DeleteAsync(id)).Change);
        Assert.Empty(await store.ListAsync());
    }

    private static async Task RefusedRegistrationOperationsAsync(StoreHarness harness)
    {
        await using var database = await harness.CreateDatabaseAsync();
        var store = await database.OpenAsync();
        await DirectoryAsync(store);
        var alone = await CreateAsync(store, Registration(Kiosk));
        var k1 = await CreateAsync(store, Registration(Shared, "k1", "pw-1"));
        await CreateAsync(store, Registration(Shared, "k2", "pw-2"));
        var noPassword = await CreateAsync(store, Registration(Other, "solo"));

        var cases = new (string What, Func<ValueTask<Sip2RegistryResult>> Operation, Sip2RegistryRule Rule, string Field)[]
        {
            ("a second registration without login id", () => store.CreateAsync(Registration(Kiosk)), Sip2RegistryRule.SharedAddressRequiresCredentials, "LoginId"),
            ("a login id on an address registered without one", () => store.CreateAsync(Registration(Kiosk, "k9", "pw")), Sip2RegistryRule.SharedAddressRequiresCredentials, "IPAddress"),
            ("a shared address without a password", () => store.CreateAsync(Registration(Shared, "k3")), Sip2RegistryRule.SharedAddressRequiresCredentials, "PasswordHash"),
            ("sharing with a registration that has no password", () => store.CreateAsync(Registration(Other, "duo", "pw")), Sip2RegistryRule.SharedAddressRequiresCredentials, "IPAddress"),
            ("the same login id in another case", () => store.CreateAsync(Registration(Shared, "K1", "pw")), Sip2RegistryRule.LoginIdUniquePerAddress, "LoginId"),
            ("renaming to a login id in use", () => store.ChangeLoginIdAsync(k1.Id, "K2", Hash("pw")), Sip2RegistryRule.LoginIdUniquePerAddress, "LoginId"),
            ("removing a login id on a shared address", () => store.ChangeLoginIdAsync(k1.Id, null), Sip2RegistryRule.LoginIdRemovalBreaksSharing, "LoginId"),
            ("renaming on a shared address without the new password", () => store.ChangeLoginIdAsync(k1.Id, "k5"), Sip2RegistryRule.SharedAddressRequiresCredentials, "PasswordHash"),
            ("a new address for a registration", () => store.UpdateAsync(alone with { IPAddress = Other }), Sip2RegistryRule.IPAddressImmutable, "IPAddress"),
            ("a multicast address", () => store.CreateAsync(Registration(IPAddress.Parse("224.0.0.9"))), Sip2RegistryRule.InvalidIPAddress, "IPAddress"),
            ("a private address the options do not allow", () => store.CreateAsync(Registration(IPAddress.Parse("192.168.1.9"))), Sip2RegistryRule.IPAddressNotAllowed, "IPAddress"),
            ("a branch without configuration", () => store.CreateAsync(Registration(IPAddress.Parse("203.0.113.99"), branch: "WEST")), Sip2RegistryRule.BranchWithoutConfiguration, "BranchId"),
            ("an update to a branch without configuration", () => store.UpdateAsync(alone with { InstitutionId = "B", BranchId = "EAST" }), Sip2RegistryRule.BranchWithoutConfiguration, "BranchId"),
            ("a password without login id", () => store.CreateAsync(Registration(IPAddress.Parse("203.0.113.99")) with { PasswordHash = Hash("pw") }), Sip2RegistryRule.PasswordRequiresLoginId, "PasswordHash"),
            ("setting a password without login id", () => store.SetPasswordAsync(alone.Id, Hash("pw")), Sip2RegistryRule.PasswordRequiresLoginId, "PasswordHash"),
            ("an unknown vendor", () => store.CreateAsync(Registration(IPAddress.Parse("203.0.113.99")) with { Vendor = "Nobody" }), Sip2RegistryRule.UnknownVendor, "Vendor"),
            ("a login id SIP2 cannot carry", () => store.CreateAsync(Registration(IPAddress.Parse("203.0.113.99"), "a|b")), Sip2RegistryRule.InvalidValue, "LoginId"),
            ("an unknown encoding", () => store.UpdateAsync(alone with { Encoding = (Sip2CharacterEncoding)42 }), Sip2RegistryRule.InvalidValue, "Encoding"),
            ("a description too long", () => store.UpdateAsync(alone with { Description = new string('d', 1001) }), Sip2RegistryRule.InvalidValue, "Description"),
            ("an id in use", () => store.CreateAsync(Registration(IPAddress.Parse("203.0.113.99")) with { Id = k1.Id }), Sip2RegistryRule.DuplicateId, "Id"),
            ("an unknown id", () => store.DeactivateAsync(Guid.NewGuid()), Sip2RegistryRule.NotFound, "Id"),
            ("deleting an unknown id", () => store.DeleteAsync(Guid.NewGuid()), Sip2RegistryRule.NotFound, "Id"),
            ("an update of the login id", () => store.UpdateAsync(noPassword with { LoginId = "other" }), Sip2RegistryRule.DedicatedOperationRequired, "LoginId"),
            ("an update of the activation", () => store.UpdateAsync(alone with { Activated = false }), Sip2RegistryRule.DedicatedOperationRequired, "Activated"),
        };

        foreach (var (what, operation, rule, field) in cases)
        {
            var before = await StateAsync(store);
            var result = await operation();
            Assert.False(result.Succeeded, $"{what}: accepted");
            Assert.True(rule == result.Error!.Rule && field == result.Error.Field, $"{what}: {result.Error} (expected {rule} on {field})");
            Assert.Equal(before, await StateAsync(store));
        }

        RegistryInvariants.AssertHold(await store.ListAsync());
    }

    private static async Task LoginChangeClearsPasswordAsync(StoreHarness harness)
    {
        await using var database = await harness.CreateDatabaseAsync();
        var store = await database.OpenAsync();
        await DirectoryAsync(store);
        var kiosk = await CreateAsync(store, Registration(Kiosk, "kiosk", "pw"));

        var same = await store.ChangeLoginIdAsync(kiosk.Id, "kiosk");
        Assert.Null(same.Change);
        Assert.True((await store.GetAsync(kiosk.Id))!.PasswordHash!.Verify("pw"));

        var renamed = (await store.ChangeLoginIdAsync(kiosk.Id, "KIOSK")).GetValueOrThrow(); // another spelling is another login id
        Assert.Equal("KIOSK", renamed.LoginId);
        Assert.Null((await store.GetAsync(kiosk.Id))!.PasswordHash);

        Assert.Equal(Sip2RegistrationChangeKind.PasswordSet, (await store.ChangeLoginIdAsync(kiosk.Id, "KIOSK", Hash("new"))).Change);
        Assert.True((await store.GetAsync(kiosk.Id))!.PasswordHash!.Verify("new"));
    }

    private static async Task EventsAsync(StoreHarness harness)
    {
        await using var database = await harness.CreateDatabaseAsync();
        var store = await database.OpenAsync();
        await DirectoryAsync(store);
        var events = new List<Sip2RegistrationChangedEventArgs>();
        store.RegistrationChanged += (_, e) => { lock (events) { events.Add(e); } };

        var kiosk = await CreateAsync(store, Registration(Kiosk, "kiosk", "pw"));
        await store.UpdateAsync(kiosk with { Description = "moved" });
        await store.DeactivateAsync(kiosk.Id);
        await store.DeactivateAsync(kiosk.Id);                          // no-op
        await store.CreateAsync(Registration(Kiosk));                  // refused
        await store.ActivateAsync(kiosk.Id);
        await store.ChangeLoginIdAsync(kiosk.Id, "kiosk-2", Hash("pw"));
        await store.SetPasswordAsync(kiosk.Id, Hash("pw-2"));
        await store.DeleteAsync(kiosk.Id);

        Assert.Equal(
            [Sip2RegistrationChangeKind.Created, Sip2RegistrationChangeKind.Updated, Sip2RegistrationChangeKind.Deactivated, Sip2RegistrationChangeKind.Activated,
             Sip2RegistrationChangeKind.LoginChanged, Sip2RegistrationChangeKind.PasswordSet, Sip2RegistrationChangeKind.Deleted],
            events.Select(e => e.Kind));
        Assert.Null(events[0].Previous);
        Assert.True(events[2].Previous!.Activated);
        Assert.False(events[2].Registration.Activated);
        Assert.All(events, e => Assert.Equal(kiosk.Id, e.Registration.Id));
    }

    private static async Task ParallelOperationsAsync(StoreHarness harness)
    {
        await using var database = await harness.CreateDatabaseAsync();
        var a = await database.OpenAsync();
        var b = await database.OpenAsync();
        await DirectoryAsync(a);

        // Few addresses and login ids, so the operations keep running into each other's rules.
        IPAddress[] addresses = [Kiosk, Shared];
        string?[] logins = [null, "k1", "K1", "k2"];
        var password = Hash("pw");
        var random = new Random(20);
        var plan = Enumerable.Range(0, 120).Select(i => (Store: i % 2 == 0 ? a : b, Kind: random.Next(5), Address: addresses[random.Next(2)], Login: logins[random.Next(4)])).ToArray();
        var outcomes = await Task.WhenAll(plan.Select(step => Task.Run(async () =>
        {
            var store = step.Store;
            var atAddress = await store.ListByAddressAsync(step.Address);
            var target = atAddress.Count > 0 ? atAddress[0] : null;
            var result = step.Kind switch
            {
                0 or 1 => await store.CreateAsync(Registration(step.Address, step.Login) with { PasswordHash = step.Login is null ? null : password }),
                2 when target is not null => await store.ChangeLoginIdAsync(target.Id, step.Login, step.Login is null ? null : password),
                3 when target is not null => await store.DeleteAsync(target.Id),
                4 when target is not null => await store.DeactivateAsync(target.Id),
                _ => null,
            };
            return result?.Succeeded;
        })));
        Assert.Contains(true, outcomes);
        Assert.Contains(false, outcomes);

        // The stored registry, as a store opened now reads it, keeps every rule; both instances come to agree with it.
        var fresh = await database.OpenAsync();
        var stored = await fresh.ListAsync();
        RegistryInvariants.AssertHold(stored);
        await a.InitializeAsync();
        await b.InitializeAsync();
        Assert.Equal(await StateAsync(fresh), await StateAsync(a));
        Assert.Equal(await StateAsync(fresh), await StateAsync(b));
    }
}
