using System.Net;
using FsCheck;
using FsCheck.Fluent;
using Sip2.Net.Access;
using static Sip2.Net.Storage.Tests.Contract.Seed;

namespace Sip2.Net.Storage.Tests.Contract;

/// <summary>
/// Model-based check: random sequences of registration operations, valid and not, run against a store and against a
/// naive reference model that applies each operation and accepts it exactly when the registry it would produce keeps
/// every rule. After every step the store and the model agree on whether it was accepted; at the end (and, on one
/// instance, after every step) on the registrations stored. With two instances the operations alternate between two
/// stores over one database, each reading the database inside its write, so acceptance does not depend on which
/// instance's snapshot is fresher.
/// </summary>
public static class RegistryModel
{
    private static readonly IPAddress[] Addresses =
    [
        IPAddress.Parse("203.0.113.1"),
        IPAddress.Parse("203.0.113.1").MapToIPv6(), // the same client, as a dual-stack socket sees it
        IPAddress.Parse("203.0.113.2"),
        IPAddress.Parse("224.0.0.9"),               // multicast: never valid
        IPAddress.Parse("192.168.0.9"),             // private: refused by the default options
    ];

    private static readonly string?[] LoginIds = [null, "", "k1", "K1", "k2", "a|b"];
    private static readonly string[] Branches = ["MAIN", "EAST", "NONE"];

    // One hash for the whole run: hashing is not what is tested, and equal hashes let updates be built from the model.
    private static readonly Sip2PasswordHash Password = Hash("pw");

    public enum Kind
    {
        Create,
        CreateWithExistingId,
        Update,
        UpdateAddress,
        Delete,
        Activate,
        Deactivate,
        ChangeLogin,
        SetPassword,
    }

    public sealed record Op(Kind Kind, int Address, int Login, bool WithPassword, int Branch, int Target, bool OnSecond)
    {
        public override string ToString() =>
            $"{Kind}(ip={Addresses[Address]}, login={LoginIds[Login] ?? "null"}, pw={WithPassword}, branch={Branches[Branch]}, target={Target}{(OnSecond ? ", on B" : "")})";
    }

    private static Gen<Op> OpGen =>
        from kind in Gen.Elements(Enum.GetValues<Kind>())
        from address in Gen.Choose(0, Addresses.Length - 1)
        from login in Gen.Choose(0, LoginIds.Length - 1)
        from password in Gen.Elements(true, true, false)
        from branch in Gen.Elements(0, 0, 1, 2)
        from target in Gen.Choose(0, 5)
        from second in Gen.Elements(false, true)
        select new Op(kind, address, login, password, branch, target, second);

    /// <summary>Runs the property: fewer and shorter sequences than a unit test would, since each step is a database write.</summary>
    public static async Task RunAsync(StoreHarness harness, bool twoInstances)
    {
        await using var database = await harness.CreateDatabaseAsync();
        var a = await database.OpenAsync();
        var b = twoInstances ? await database.OpenAsync() : a;
        await DirectoryAsync(a);
        await b.InitializeAsync(); // sees the directory

        // Off xUnit's synchronisation context: FsCheck waits for each sequence on the thread it runs on. It shrinks a
        // failing sequence to a short one before reporting it.
        var property = Prop.ForAll(OpGen.ArrayOf().ToArbitrary(), ops => RunSequenceAsync(a, b, ops, checkEveryStep: !twoInstances || !harness.HasSeparateInstances));
        var config = Config.QuickThrowOnFailure.WithMaxTest(harness.IsDurable ? 25 : 200).WithEndSize(24);
        await Task.Run(() => Check.One(config, property));
    }

    private static async Task<bool> RunSequenceAsync(ISip2RegistryStore a, ISip2RegistryStore b, Op[] ops, bool checkEveryStep)
    {
        foreach (var registration in await a.ListAsync())
        {
            await a.DeleteAsync(registration.Id); // every sequence starts from an empty registry
        }

        var model = new Dictionary<Guid, Row>();
        foreach (var op in ops)
        {
            var ids = model.Keys.OrderBy(id => id).ToList();
            var target = op.Target < ids.Count ? ids[op.Target] : Guid.NewGuid(); // past the end: an id nobody has
            var expected = Apply(model, op, target, out var next);
            var actual = await ExecuteAsync(op.OnSecond ? b : a, op, target, model);

            Assert.True(expected == actual.Succeeded, $"{op}: the model {(expected ? "accepts" : "refuses")}, the store says {actual}; sequence: {string.Join(", ", ops.Select(o => o.ToString()))}");
            if (actual.Succeeded)
            {
                model = next!;
                if (op.Kind is Kind.Create)
                {
                    model[actual.Registration!.Id] = model[Guid.Empty] with { Id = actual.Registration.Id };
                    model.Remove(Guid.Empty);
                }
            }

            if (checkEveryStep)
            {
                await AssertAgreeAsync(model, op.OnSecond ? b : a);
            }
        }

        // Both instances re-read the database; both then agree with the model.
        await a.InitializeAsync();
        await b.InitializeAsync();
        await AssertAgreeAsync(model, a);
        await AssertAgreeAsync(model, b);
        return true;
    }

    private static async Task AssertAgreeAsync(Dictionary<Guid, Row> model, ISip2RegistryStore store)
    {
        var stored = await store.ListAsync();
        RegistryInvariants.AssertHold(stored);
        Assert.Equal(model.Values.OrderBy(r => r.Id).ToList(), stored.Select(Row.From).OrderBy(r => r.Id).ToList());
    }

    // The request is built from the model, not from the executing instance's snapshot, which may not have seen the other
    // instance's last write yet.
    private static async Task<Sip2RegistryResult> ExecuteAsync(ISip2RegistryStore store, Op op, Guid target, Dictionary<Guid, Row> model)
    {
        var current = model.TryGetValue(target, out var row)
            ? new Sip2ClientRegistration
            {
                Id = row.Id, IPAddress = IPAddress.Parse(row.Address), LoginId = row.Login, PasswordHash = row.HasPassword ? Password : null,
                InstitutionId = "A", BranchId = row.Branch, Activated = row.Activated,
            }
            : Registration(Addresses[0]) with { Id = target };
        var password = op.WithPassword ? Password : null;
        return op.Kind switch
        {
            Kind.Create => await store.CreateAsync(new Sip2ClientRegistration
            {
                IPAddress = Addresses[op.Address], LoginId = LoginIds[op.Login], PasswordHash = password, InstitutionId = "A", BranchId = Branches[op.Branch],
            }),
            Kind.CreateWithExistingId => await store.CreateAsync(new Sip2ClientRegistration { Id = target, IPAddress = Addresses[op.Address], InstitutionId = "A", BranchId = "MAIN" }),
            Kind.Update => await store.UpdateAsync(current with { BranchId = Branches[op.Branch] }),
            Kind.UpdateAddress => await store.UpdateAsync(current with { IPAddress = Addresses[op.Address] }),
            Kind.Delete => await store.DeleteAsync(target),
            Kind.Activate => await store.ActivateAsync(target),
            Kind.Deactivate => await store.DeactivateAsync(target),
            Kind.ChangeLogin => await store.ChangeLoginIdAsync(target, LoginIds[op.Login], password),
            Kind.SetPassword => await store.SetPasswordAsync(target, Password),
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary>The reference model: apply the operation naively, then accept only if every rule holds.</summary>
    private static bool Apply(Dictionary<Guid, Row> model, Op op, Guid target, out Dictionary<Guid, Row>? next)
    {
        next = new Dictionary<Guid, Row>(model);
        model.TryGetValue(target, out var row);
        var login = string.IsNullOrEmpty(LoginIds[op.Login]) ? null : LoginIds[op.Login];
        switch (op.Kind)
        {
            case Kind.Create:
                next[Guid.Empty] = new Row(Guid.Empty, Key(Addresses[op.Address]), login, op.WithPassword, true, Branches[op.Branch]);
                break;
            case Kind.CreateWithExistingId when row is null:
                next[target] = new Row(target, Key(Addresses[op.Address]), null, false, true, "MAIN");
                break;
            case Kind.Update when row is not null:
                next[target] = row with { Branch = Branches[op.Branch] };
                break;
            case Kind.UpdateAddress when row is not null && row.Address == Key(Addresses[op.Address]):
                break;
            case Kind.Delete when row is not null:
                next.Remove(target);
                break;
            case Kind.Activate or Kind.Deactivate when row is not null:
                next[target] = row with { Activated = op.Kind == Kind.Activate };
                break;
            case Kind.ChangeLogin when row is not null:
                // A different login id drops the old password; the same one keeps it unless a new one comes along.
                var sameLogin = string.Equals(login, row.Login, StringComparison.Ordinal);
                next[target] = row with { Login = login, HasPassword = op.WithPassword || (sameLogin && row.HasPassword) };
                break;
            case Kind.SetPassword when row is not null:
                next[target] = row with { HasPassword = true };
                break;
            default:
                return false; // the target does not exist (or, for a create with an explicit id, already does)
        }

        return Valid(next.Values);
    }

    // The rules, stated over a whole registry.
    private static bool Valid(IEnumerable<Row> rows)
    {
        var all = rows.ToList();
        foreach (var row in all)
        {
            if (row.Address.StartsWith("224.", StringComparison.Ordinal) || row.Address.StartsWith("192.168.", StringComparison.Ordinal))
            {
                return false;
            }

            if (row.Branch == "NONE" || (row.HasPassword && row.Login is null) || row.Login == "a|b")
            {
                return false;
            }
        }

        foreach (var address in all.GroupBy(r => r.Address))
        {
            if (address.Count() > 1 && address.Any(r => r.Login is null || !r.HasPassword))
            {
                return false; // rule 1 (and so rule 3)
            }

            if (address.Where(r => r.Login is not null).GroupBy(r => r.Login!.ToUpperInvariant()).Any(g => g.Count() > 1))
            {
                return false; // rule 2
            }
        }

        return true;
    }

    private static string Key(IPAddress address) => (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    private sealed record Row(Guid Id, string Address, string? Login, bool HasPassword, bool Activated, string Branch)
    {
        public static Row From(Sip2ClientRegistration r) => new(r.Id, Key(r.IPAddress), r.LoginId, r.PasswordHash is not null, r.Activated, r.BranchId);
    }
}
