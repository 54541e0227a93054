using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using Sip2.Net.Access;
using Sip2.Net.Resolution;
using Sip2.Net.Testing.Xunit.Internal;
using Xunit;
using Values = Sip2.Net.Testing.Xunit.Internal.ModelOperation.Values;

namespace Sip2.Net.Testing.Xunit;

// Model-based: random operation sequences against the store and a reference model; every result and state compared.
public abstract partial class Sip2RegistryStoreContract
{
    /// <summary>
    /// Random sequences of every kind of write, valid and invalid, run against the store and against a reference model of
    /// the rules (written apart from <see cref="Sip2RegistryRules"/>). After every operation both agree on acceptance
    /// (a refusal names a rule the model sees broken), on the registration stored and its change, on the event raised
    /// and the audit entry written, and on everything the store lists; the rules hold throughout. A failure is reported
    /// with the shortest sequence that still fails, and FsCheck's seed to replay it.
    /// </summary>
    [Fact]
    public async Task Random_operation_sequences_agree_with_a_reference_model()
    {
        var runs =
            from allowLocal in Gen.Elements(false, true)
            from operations in Gen.Sized(size => Gen.Choose((Math.Min(size, 40) / 2) + 1, Math.Min(size, 40) + 20).SelectMany(n => Gen.ArrayOf(ModelOperation.Generator, n)))
            select new ModelRun(allowLocal, operations);
        var arbitrary = Arb.From(runs, run => ModelOperation.Shrink(run.Operations).Select(shorter => run with { Operations = shorter }));

        // FsCheck waits for each run; off xUnit's synchronization context, nothing it waits for needs this thread.
        await Task.Run(() => Prop.ForAll(arbitrary, run => RunModelAsync(run)).Check(Config.QuickThrowOnFailure.WithMaxTest(ModelRuns)));
    }

    // Each run's store is disposed when the run ends (a database store holds connections), and may be disposed again
    // by whoever made it.
    private async Task RunModelAsync(ModelRun run)
    {
        var store = await NewStoreAsync(run.AllowLocal ? Sip2RegistryOptions.AllowLocalNetworks : new Sip2RegistryOptions());
        try
        {
            await RunModelAsync(run, store);
        }
        finally
        {
            switch (store)
            {
                case IAsyncDisposable disposable:
                    await disposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    private static async Task RunModelAsync(ModelRun run, ISip2RegistryStore store)
    {
        var model = new RegistryModel(run.AllowLocal);
        model.Seed();
        using var log = new EventLog(store);
        var newestAudit = (await store.ListAuditAsync(1))[0].Sequence;
        await AssertAgreeAsync(store, model, "after the setup");

        for (var step = 0; step < run.Operations.Length; step++)
        {
            var operation = run.Operations[step];
            var ids = model.RegistrationIds;
            var target = operation.Target < 7 && ids.Count > 0 ? ids[operation.Target % ids.Count] : new Guid(step + 1, 0x5125, 0x2, new byte[8]);
            var where = $"step {step + 1}, {operation}";
            var eventsBefore = log.Events.Count;

            var (outcome, expected) = await ExecuteAsync(store, model, operation, target);

            Assert.True(expected.Accepted == outcome.Succeeded,
                $"{where}: the model {(expected.Accepted ? "accepts" : $"refuses ({string.Join(", ", expected.Broken)})")}, the store {(outcome.Succeeded ? "accepted" : $"refused: {outcome.Error}")}");
            if (!outcome.Succeeded)
            {
                Assert.True(expected.Broken.Contains(outcome.Error!.Rule), $"{where}: refused for {outcome.Error.Rule}, which the model does not see broken ({string.Join(", ", expected.Broken)})");
                Assert.False(string.IsNullOrEmpty(outcome.Error.Field), where);
            }
            else if (outcome.IsRegistrationOperation)
            {
                Assert.True(Equals(expected.Registration, outcome.Registration), $"{where}: stored {outcome.Registration}, the model expects {expected.Registration}");
                Assert.True(expected.Change == outcome.Change, $"{where}: change {outcome.Change}, the model expects {expected.Change}");
            }

            var events = log.Events.Skip(eventsBefore).ToList();
            if (expected.Change is { } change)
            {
                var raised = Assert.Single(events);
                Assert.Equal((change, expected.Registration, expected.Previous), (raised.Kind, raised.Registration, raised.Previous));
            }
            else
            {
                Assert.True(events.Count == 0, $"{where}: raised {string.Join(", ", events.Select(e => e.Kind))} for no change");
            }

            var entries = (await store.ListAuditAsync(10)).Where(e => e.Sequence > newestAudit).ToList();
            if (expected.Audit is { } action)
            {
                var entry = Assert.Single(entries);
                Assert.Equal((action, expected.Subject, ExpectedActor(operation.ActorName)), (entry.Action, entry.Subject, entry.Actor));
                newestAudit = entry.Sequence;
            }
            else
            {
                Assert.True(entries.Count == 0, $"{where}: audited {string.Join(", ", entries.Select(e => e.Action))} for no change");
            }

            await AssertAgreeAsync(store, model, where);
        }
    }

    // Runs the operation on the store, then asks the model what it should have done.
    private static async Task<(Outcome Outcome, Expectation Expected)> ExecuteAsync(ISip2RegistryStore store, RegistryModel model, ModelOperation op, Guid target)
    {
        var actor = op.ActorName;
        var current = model.Find(target) ?? new Sip2ClientRegistration { Id = target, IPAddress = Values.Address(0), InstitutionId = "A", BranchId = "MAIN" };
        switch (op.Kind)
        {
            case OperationKind.SaveGroup:
                var group = new Sip2InstitutionGroup { Id = Values.Group(op.First), Name = Values.Name(op.Second) };
                return (Outcome.Of(await store.SaveGroupAsync(group, actor)), model.SaveGroup(group));
            case OperationKind.DeleteGroup:
                return (Outcome.Of(await store.DeleteGroupAsync(Values.Group(op.First), actor)), model.DeleteGroup(Values.Group(op.First)));
            case OperationKind.SaveInstitution:
                var institution = new Sip2Institution { Id = Values.Institution(op.First), GroupId = Values.GroupReference(op.Second), Name = Values.Name(op.Third) };
                return (Outcome.Of(await store.SaveInstitutionAsync(institution, actor)), model.SaveInstitution(institution));
            case OperationKind.DeleteInstitution:
                return (Outcome.Of(await store.DeleteInstitutionAsync(Values.Institution(op.First), actor)), model.DeleteInstitution(Values.Institution(op.First)));
            case OperationKind.SaveBranch:
                var branch = new Sip2BranchConfiguration
                {
                    InstitutionId = Values.Institution(op.First), BranchId = Values.Branch(op.Second), TimeoutSeconds = Values.Timeout(op.Third), LibraryName = Values.Name(op.Fourth),
                };
                return (Outcome.Of(await store.SaveBranchConfigurationAsync(branch, actor)), model.SaveBranch(branch));
            case OperationKind.DeleteBranch:
                return (Outcome.Of(await store.DeleteBranchConfigurationAsync(Values.Institution(op.First), Values.Branch(op.Second), actor)),
                    model.DeleteBranch(Values.Institution(op.First), Values.Branch(op.Second)));
            case OperationKind.SetOverride:
                return (Outcome.Of(await store.SetMessageOverrideAsync(Values.Institution(op.First), Values.Scenario(op.Second), Values.Text(op.Third), actor)),
                    model.SetOverride(Values.Institution(op.First), Values.Scenario(op.Second), Values.Text(op.Third)));
            case OperationKind.Create:
            case OperationKind.CreateWithCredentials:
            case OperationKind.CreateWithId:
                var requested = op.Kind switch
                {
                    OperationKind.Create => new Sip2ClientRegistration
                    {
                        IPAddress = Values.Address(op.First), LoginId = Values.Login(op.Second), PasswordHash = Values.Password(op.Third),
                        InstitutionId = Values.Institution(op.Fourth), BranchId = Values.Branch(op.Target), Vendor = Values.Vendor(op.Fourth + op.Target),
                    },
                    // A kiosk that may share its address: login id and password, on one of the two public IPv4 addresses.
                    OperationKind.CreateWithCredentials => new Sip2ClientRegistration
                    {
                        IPAddress = Values.Address(op.First % 3), LoginId = Values.Login(op.Second), PasswordHash = Values.Password(1 + (op.Third % 2)),
                        InstitutionId = "A", BranchId = "MAIN",
                    },
                    _ => new Sip2ClientRegistration { Id = target, IPAddress = Values.Address(op.First), InstitutionId = "A", BranchId = "MAIN" },
                };
                var created = await store.CreateAsync(requested, actor);
                if (created.Succeeded && requested.Id == Guid.Empty)
                {
                    Assert.NotEqual(Guid.Empty, created.Registration.Id);
                    Assert.Null(model.Find(created.Registration.Id));
                }

                return (Outcome.Of(created), model.Create(requested, created.Registration?.Id ?? Guid.Empty));
            case OperationKind.Update:
                var settings = current with
                {
                    InstitutionId = Values.Institution(op.First), BranchId = Values.Branch(op.Second), Vendor = Values.Vendor(op.Third), Description = Values.Description(op.Fourth),
                };
                return (Outcome.Of(await store.UpdateAsync(settings, actor)), model.Update(settings));
            case OperationKind.UpdateAddress:
                var moved = current with { IPAddress = Values.Address(op.First) };
                return (Outcome.Of(await store.UpdateAsync(moved, actor)), model.Update(moved));
            case OperationKind.UpdateCredentials:
                var credentials = (op.First % 3) switch
                {
                    0 => current with { LoginId = (current.LoginId ?? "") + "x" },
                    1 => current with { PasswordHash = Equals(current.PasswordHash, Values.Password(1)) ? Values.Password(2) : Values.Password(1) },
                    _ => current with { Activated = !current.Activated },
                };
                return (Outcome.Of(await store.UpdateAsync(credentials, actor)), model.Update(credentials));
            case OperationKind.Delete:
                return (Outcome.Of(await store.DeleteAsync(target, actor)), model.Delete(target));
            case OperationKind.Activate:
                return (Outcome.Of(await store.ActivateAsync(target, actor)), model.SetActivated(target, true));
            case OperationKind.Deactivate:
                return (Outcome.Of(await store.DeactivateAsync(target, actor)), model.SetActivated(target, false));
            case OperationKind.ChangeLogin:
                return (Outcome.Of(await store.ChangeLoginIdAsync(target, Values.Login(op.First), Values.Password(op.Second), actor)),
                    model.ChangeLogin(target, Values.Login(op.First), Values.Password(op.Second)));
            default:
                var password = Values.Password(1 + (op.First % 2))!;
                return (Outcome.Of(await store.SetPasswordAsync(target, password, actor)), model.SetPassword(target, password));
        }
    }

    // Everything the store lists is what the model holds, and the rules hold over it.
    private static async Task AssertAgreeAsync(ISip2RegistryStore store, RegistryModel model, string where)
    {
        var ids = StringComparer.OrdinalIgnoreCase;
        var stored = (await store.ListAsync()).OrderBy(r => r.Id).ToList();
        Assert.True(model.Registrations.SequenceEqual(stored), $"{where}: the store holds\n  {string.Join("\n  ", stored)}\nthe model\n  {string.Join("\n  ", model.Registrations)}");
        Assert.Equal(model.Groups, (await store.ListGroupsAsync()).OrderBy(g => g.Id, ids));
        Assert.Equal(model.Institutions, (await store.ListInstitutionsAsync()).OrderBy(i => i.Id, ids));
        Assert.Equal(model.Branches, (await store.ListBranchConfigurationsAsync()).OrderBy(b => b.InstitutionId, ids).ThenBy(b => b.BranchId, ids));
        foreach (var institution in model.Institutions)
        {
            var overrides = (await store.ListMessageOverridesAsync(institution.Id)).OrderBy(o => o.Scenario).ToList();
            Assert.All(overrides, o => Assert.Equal(institution.Id, o.InstitutionId, ignoreCase: true));
            Assert.Equal(model.OverridesOf(institution.Id), overrides.Select(o => (o.Scenario, o.Text)));
        }

        foreach (var address in Values.Addresses.Distinct())
        {
            var expected = model.Registrations.Where(r => r.IPAddress.Equals(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)).Select(r => r.Id);
            Assert.Equal(expected, (await store.ListByAddressAsync(address)).Select(r => r.Id).Order());
        }

        AssertRulesHold(stored);
    }

    // The actor as the trail records it: trimmed, "unknown" when nobody is named.
    private static string ExpectedActor(string? actor) => actor?.Trim() is { Length: > 0 } named ? named : "unknown";

    private sealed record ModelRun(bool AllowLocal, ModelOperation[] Operations)
    {
        public override string ToString() =>
            $"{(AllowLocal ? "local networks allowed" : "default options")}, {Operations.Length} operations:\n  " + string.Join("\n  ", Operations.Select(o => o.ToString()));
    }

    // A store's answer to any write, registration or directory.
    private sealed record Outcome(bool Succeeded, Sip2RegistryError? Error, Sip2ClientRegistration? Registration, Sip2RegistrationChangeKind? Change, bool IsRegistrationOperation)
    {
        public static Outcome Of(Sip2RegistryResult result) => new(result.Succeeded, result.Error, result.Registration, result.Change, true);

        public static Outcome Of(Sip2RegistryError? error) => new(error is null, error, null, null, false);
    }
}
