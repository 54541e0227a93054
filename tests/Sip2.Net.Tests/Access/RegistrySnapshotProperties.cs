using System.Net;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sip2.Net.Access;

namespace Sip2.Net.Tests.Access;

/// <summary>
/// The snapshot's copy-on-write edits keep its two indexes (by id, by address) in step with each other, whatever order
/// registrations are added, removed and replaced address by address.
/// </summary>
public sealed class RegistrySnapshotProperties
{
    private static readonly IPAddress[] Addresses = [IPAddress.Parse("203.0.113.1"), IPAddress.Parse("203.0.113.2"), IPAddress.Parse("::ffff:203.0.113.3")];
    private static readonly Guid[] Ids = Enumerable.Range(1, 6).Select(i => new Guid(i, 0, 0, new byte[8])).ToArray();

    // One edit: 0 adds or replaces one registration, 1 removes one, 2 replaces an address's registrations with a set.
    public static Arbitrary<(int Kind, int Address, int[] Ids)[]> Edits() =>
        Gen.ArrayOf(
            from kind in Gen.Choose(0, 2)
            from address in Gen.Choose(0, Addresses.Length - 1)
            from ids in Gen.SubListOf(Enumerable.Range(0, Ids.Length).ToArray())
            select (kind, address, ids.ToArray())).ToArbitrary();

    [Property(Arbitrary = [typeof(RegistrySnapshotProperties)])]
    public void Edits_agree_with_a_dictionary_of_registrations((int Kind, int Address, int[] Ids)[] edits)
    {
        var snapshot = Sip2RegistrySnapshot.Empty;
        var model = new Dictionary<Guid, Sip2ClientRegistration>();
        foreach (var (kind, address, ids) in edits)
        {
            var at = Addresses[address];
            switch (kind)
            {
                case 0 when ids.Length > 0:
                    var one = Registration(Ids[ids[0]], at);
                    snapshot = snapshot.WithRegistration(one);
                    model[one.Id] = one;
                    break;
                case 1 when ids.Length > 0:
                    snapshot = snapshot.WithoutRegistration(Ids[ids[0]]);
                    model.Remove(Ids[ids[0]]);
                    break;
                case 2:
                    var rows = ids.Select(i => Registration(Ids[i], at)).ToList();
                    snapshot = snapshot.WithRegistrationsAt(at, rows);
                    foreach (var old in model.Values.Where(r => r.IPAddress.Equals(Normal(at))).ToList())
                    {
                        model.Remove(old.Id);
                    }

                    foreach (var row in rows)
                    {
                        model[row.Id] = row;
                    }

                    break;
            }
        }

        Assert.Equal(model.Values.OrderBy(r => r.Id), snapshot.Registrations.OrderBy(r => r.Id));
        foreach (var address in Addresses)
        {
            Assert.Equal(model.Values.Where(r => r.IPAddress.Equals(Normal(address))).OrderBy(r => r.Id), snapshot.RegistrationsAt(address).OrderBy(r => r.Id));
        }

        Assert.All(Ids, id => Assert.Equal(model.GetValueOrDefault(id), snapshot.GetRegistration(id)));
    }

    [Fact]
    public void Replacing_an_address_with_a_registration_of_another_address_is_misuse()
    {
        var snapshot = Sip2RegistrySnapshot.Empty;
        Assert.Throws<ArgumentException>(() => snapshot.WithRegistrationsAt(Addresses[0], [Registration(Ids[0], Addresses[1])]));
    }

    private static IPAddress Normal(IPAddress address) => Sip2RegistryRules.NormalizeAddress(address);

    private static Sip2ClientRegistration Registration(Guid id, IPAddress address) =>
        new() { Id = id, IPAddress = Normal(address), LoginId = "k" + id.ToString()[7], InstitutionId = "A", BranchId = "MAIN" };
}
