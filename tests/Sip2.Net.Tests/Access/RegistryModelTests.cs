using System.Net;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sip2.Net.Access;
using static Sip2.Net.Tests.Access.AccessFixture;

namespace Sip2.Net.Tests.Access;

/// <summary>
/// Model-based test: random sequences of registry operations, valid and invalid, run against the in-memory
/// registry and against a deliberately naive reference model. The model accepts an operation exactly when the
/// registry it would produce satisfies every rule (so it states the rules, not the registry's algorithm).
/// After every step both agree on acceptance and on the stored registrations, and the rules hold.
/// </summary>
public sealed class RegistryModelTests
{
    private static readonly IPAddress[] Addresses =
    {
        IPAddress.Parse("203.0.113.1"),
        IPAddress.Parse("203.0.113.1").MapToIPv6(), // the same client, seen by a dual-stack socket
        IPAddress.Parse("203.0.113.2"),
        IPAddress.Parse("224.0.0.9"),               // multicast: never valid
        IPAddress.Parse("192.168.0.9"),             // private: not allowed by the default options
    };

    private static readonly string?[] LoginIds = { null, "", "k1", "K1", "k2", "a|b" };
    private static readonly string[] Branches = { "MAIN", "EAST", "NONE" };

    // One password hash for the whole run: hashing is not what is tested here.
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

    public sealed record Op(Kind Kind, int Address, int Login, bool WithPassword, int Branch, int Target)
    {
        public override string ToString() =>
            $"{Kind}(ip={Addresses[Address]}, login={LoginIds[Login] ?? "null"}, pw={WithPassword}, branch={Branches[Branch]}, target={Target})";
    }

    private static Gen<Op> OpGen =>
        from kind in Gen.Elements(Enum.GetValues<Kind>())
        from address in Gen.Choose(0, Addresses.Length - 1)
        from login in Gen.Choose(0, LoginIds.Length - 1)
        from password in Gen.Elements(true, true, false)
        from branch in Gen.Elements(0, 0, 1, 2)
        from target in Gen.Choose(0, 6)
        select new Op(kind, address, login, password, branch, target);

    [Property(MaxTest = 300)]
    public Property Registry_and_reference_model_agree_after_every_step() =>
        Prop.ForAll(OpGen.ArrayOf().ToArbitrary(), ops => RunAsync(ops));

    private static async Task<bool> RunAsync(Op[] ops)
    {
        var registry = AccessFixture.Registry();
        var model = new Dictionary<Guid, Row>();

        foreach (var op in ops)
        {
            var ids = model.Keys.OrderBy(id => id).ToList();

            // Targets past the end of the list name a registration that does not exist.
            var target = op.Target < ids.Count ? ids[op.Target] : Guid.NewGuid();
            var expected = Apply(model, op, target, out var next);
            var actual = await ExecuteAsync(registry, op, target, model);

            Assert.True(expected == actual.Succeeded, $"{op}: model {(expected ? "accepts" : "refuses")}, registry says {actual}");
            if (actual.Succeeded)
            {
                model = next!;
                if (op.Kind is Kind.Create)
                {
                    model[actual.Registration!.Id] = model[Guid.Empty] with { Id = actual.Registration.Id };
                    model.Remove(Guid.Empty);
                }
            }

            var stored = await registry.ListAsync();
            AssertRulesHold(stored);
            Assert.Equal(
                model.Values.OrderBy(r => r.Id).ToList(),
                stored.Select(Row.From).OrderBy(r => r.Id).ToList());
        }

        return true;
    }

    private static async Task<Sip2RegistryResult> ExecuteAsync(InMemorySip2RegistryStore registry, Op op, Guid target, Dictionary<Guid, Row> model)
    {
        var current = await registry.GetAsync(target);
        var password = op.WithPassword ? Password : null;
        return op.Kind switch
        {
            Kind.Create => await registry.CreateAsync(new Sip2ClientRegistration
            {
                IPAddress = Addresses[op.Address], LoginId = LoginIds[op.Login], PasswordHash = password, InstitutionId = "A", BranchId = Branches[op.Branch],
            }),
            Kind.CreateWithExistingId => await registry.CreateAsync(new Sip2ClientRegistration
            {
                Id = target, IPAddress = Addresses[op.Address], InstitutionId = "A", BranchId = "MAIN",
            }),
            Kind.Update => await registry.UpdateAsync((current ?? Registration(Addresses[0]) with { Id = target }) with { BranchId = Branches[op.Branch] }),
            Kind.UpdateAddress => await registry.UpdateAsync((current ?? Registration(Addresses[0]) with { Id = target }) with { IPAddress = Addresses[op.Address] }),
            Kind.Delete => await registry.DeleteAsync(target),
            Kind.Activate => await registry.ActivateAsync(target),
            Kind.Deactivate => await registry.DeactivateAsync(target),
            Kind.ChangeLogin => await registry.ChangeLoginIdAsync(target, LoginIds[op.Login], password),
            Kind.SetPassword => await registry.SetPasswordAsync(target, Password),
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
            case Kind.CreateWithExistingId:
                if (row is not null)
                {
                    return false;
                }

                next[target] = new Row(target, Key(Addresses[op.Address]), null, false, true, "MAIN");
                break;
            case Kind.Update:
                if (row is null)
                {
                    return false;
                }

                next[target] = row with { Branch = Branches[op.Branch] };
                break;
            case Kind.UpdateAddress:
                if (row is null || row.Address != Key(Addresses[op.Address]))
                {
                    return false;
                }

                break;
            case Kind.Delete:
                if (!next.Remove(target))
                {
                    return false;
                }

                break;
            case Kind.Activate or Kind.Deactivate:
                if (row is null)
                {
                    return false;
                }

                next[target] = row with { Activated = op.Kind == Kind.Activate };
                break;
            case Kind.ChangeLogin:
                if (row is null)
                {
                    return false;
                }

                // A different login id drops the old password; the same one keeps it unless a new one is given.
                var sameLogin = string.Equals(login, row.Login, StringComparison.Ordinal);
                next[target] = row with { Login = login, HasPassword = op.WithPassword || (sameLogin && row.HasPassword) };
                break;
            case Kind.SetPassword:
                if (row is null)
                {
                    return false;
                }

                next[target] = row with { HasPassword = true };
                break;
        }

        return Valid(next.Values);
    }

    // The rules, stated over a whole registry.
    private static bool Valid(IEnumerable<Row> rows)
    {
        var all = rows.ToList();
        foreach (var row in all)
        {
            var address = IPAddress.Parse(row.Address);
            if (address.IsIPv6Multicast || address.ToString().StartsWith("224.", StringComparison.Ordinal) || address.ToString().StartsWith("192.168.", StringComparison.Ordinal))
            {
                return false;
            }

            if (row.Branch == "NONE" || (row.HasPassword && row.Login is null) || row.Login == "a|b")
            {
                return false;
            }
        }

        foreach (var group in all.GroupBy(r => r.Address))
        {
            if (group.Count() > 1 && group.Any(r => r.Login is null || !r.HasPassword))
            {
                return false; // rule 1 (and so rule 3)
            }

            if (group.Where(r => r.Login is not null).GroupBy(r => r.Login!.ToUpperInvariant()).Any(g => g.Count() > 1))
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
