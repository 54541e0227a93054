using Sip2.Net.Access;

namespace Sip2.Net.Storage.Tests.Contract;

/// <summary>The registry rules, stated over a whole registry (not over one operation, as the store checks them).</summary>
public static class RegistryInvariants
{
    public static void AssertHold(IReadOnlyCollection<Sip2ClientRegistration> registrations)
    {
        foreach (var address in registrations.GroupBy(r => r.IPAddress))
        {
            var list = address.ToList();
            if (list.Count > 1)
            {
                Assert.All(list, r => Assert.True(r.HasCredentials, $"rule 1 broken for {address.Key}: {list.Count} registrations, one without login id and password"));
            }

            var logins = list.Where(r => r.LoginId is not null).Select(r => r.LoginId!.ToUpperInvariant()).ToList();
            Assert.True(logins.Count == logins.Distinct().Count(), $"rule 2 broken for {address.Key}");
        }

        Assert.All(registrations, r => Assert.True(r.PasswordHash is null || r.LoginId is not null, "a password without a login id"));
    }
}
