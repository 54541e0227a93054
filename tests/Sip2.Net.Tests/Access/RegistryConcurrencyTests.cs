using System.Threading;
using System.Net;
using System.Threading.Tasks;
using Sip2.Net.Access;
using static Sip2.Net.Tests.Access.AccessFixture;

namespace Sip2.Net.Tests.Access;

/// <summary>Rule 5: concurrent operations from several administrators never leave the registry breaking a rule.</summary>
public sealed class RegistryConcurrencyTests
{
    private static readonly Sip2PasswordHash Password = Hash("pw");

    [Fact]
    public async Task Of_many_parallel_login_free_registrations_for_one_address_exactly_one_is_stored()
    {
        var registry = AccessFixture.Registry();
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () => await registry.CreateAsync(Registration(Shared)))));

        Assert.Equal(1, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(Sip2RegistryRule.SharedAddressRequiresCredentials, r.Error!.Rule));
        Assert.Single(await registry.ListByAddressAsync(Shared));
    }

    [Fact]
    public async Task Of_many_parallel_registrations_with_one_login_id_in_different_cases_exactly_one_is_stored()
    {
        var registry = AccessFixture.Registry();
        var cases = new[] { "kiosk", "KIOSK", "Kiosk", "kIoSk" };
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
            await registry.CreateAsync(Registration(Shared, cases[i % cases.Length]) with { PasswordHash = Password }))));

        Assert.Equal(1, results.Count(r => r.Succeeded));
        Assert.Single(await registry.ListByAddressAsync(Shared));
    }

    [Fact]
    public async Task A_storm_of_mixed_operations_on_one_address_never_breaks_a_rule()
    {
        var registry = AccessFixture.Registry();
        var violations = 0;

        // A reader checks the rules on every snapshot it sees while the writers run.
        registry.RegistrationChanged += async (_, _) =>
        {
            try
            {
                AssertRulesHold(await registry.ListAsync());
            }
            catch (Xunit.Sdk.XunitException)
            {
                Interlocked.Increment(ref violations);
            }
        };

        var logins = new string?[] { null, "a", "A", "b", "c" };
        var workers = Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            for (var i = 0; i < 200; i++)
            {
                var all = await registry.ListByAddressAsync(Shared);
                var target = all.Count == 0 ? Guid.NewGuid() : all[random.Next(all.Count)].Id;
                var login = logins[random.Next(logins.Length)];
                var password = random.Next(3) == 0 ? null : Password;
                switch (random.Next(6))
                {
                    case 0:
                    case 1:
                        await registry.CreateAsync(Registration(Shared, login) with { PasswordHash = login is null ? null : password });
                        break;
                    case 2:
                        await registry.ChangeLoginIdAsync(target, login, login is null ? null : password);
                        break;
                    case 3:
                        await registry.DeleteAsync(target);
                        break;
                    case 4:
                        await registry.SetPasswordAsync(target, Password);
                        break;
                    default:
                        await registry.DeactivateAsync(target);
                        break;
                }

                AssertRulesHold(await registry.ListAsync());
            }
        })).ToArray();

        await Task.WhenAll(workers);

        AssertRulesHold(await registry.ListAsync());
        Assert.Equal(0, violations);
    }
}
