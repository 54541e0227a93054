using System.Threading.Tasks;
using System.Net;
using Sip2.Net.Access;
using Sip2.Net.Resolution;
using static Sip2.Net.TestSupport.StoreSeeding;

namespace Sip2.Net.Tests.Access;

/// <summary>
/// A small library world for the access tests: group G with institutions A and B, institution C on its own;
/// branches A/MAIN, A/EAST, B/MAIN and C/MAIN are configured, A/NONE is not.
/// </summary>
internal static class AccessFixture
{
    public static readonly IPAddress Kiosk = IPAddress.Parse("203.0.113.10");
    public static readonly IPAddress Shared = IPAddress.Parse("203.0.113.20");
    public static readonly IPAddress Other = IPAddress.Parse("198.51.100.7");

    // Hashing at the minimum cost keeps the tests fast; the cost is a parameter, not part of what is tested.
    public static Sip2PasswordHash Hash(string password) => Sip2PasswordHash.Create(password, Sip2PasswordHash.MinimumIterations);

    /// <summary>A store holding the fixture's groups, institutions and branches, and no registrations.</summary>
    public static InMemorySip2RegistryStore Directory(Sip2RegistryOptions? options = null, Sip2.Net.Vendors.Sip2VendorProfileCatalog? vendors = null) =>
        Seed(new InMemorySip2RegistryStore(options, vendors));

    /// <summary>Adds the fixture's groups, institutions and branches to a store.</summary>
    public static TStore Seed<TStore>(TStore store)
        where TStore : ISip2RegistryStore
    {
        Must(store.SaveGroupAsync(new Sip2InstitutionGroup { Id = "G", Name = "Group" }));
        Must(store.SaveInstitutionAsync(new Sip2Institution { Id = "A", GroupId = "G" }));
        Must(store.SaveInstitutionAsync(new Sip2Institution { Id = "B", GroupId = "G" }));
        Must(store.SaveInstitutionAsync(new Sip2Institution { Id = "C" }));
        Must(store.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "A", BranchId = "MAIN", LibraryName = "A main" }));
        Must(store.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "A", BranchId = "EAST", LibraryName = "A east" }));
        Must(store.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "B", BranchId = "MAIN", LibraryName = "B main" }));
        Must(store.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "C", BranchId = "MAIN", LibraryName = "C main" }));
        return store;
    }

    /// <summary>The same store: registrations, directory and catalogue are one object.</summary>
    public static InMemorySip2RegistryStore Registry(Sip2RegistryOptions? options = null) => Directory(options);

    public static Sip2ClientRegistration Registration(IPAddress address, string? loginId = null, string? password = null, string institution = "A", string branch = "MAIN") => new()
    {
        IPAddress = address,
        LoginId = loginId,
        PasswordHash = password is null ? null : Hash(password),
        InstitutionId = institution,
        BranchId = branch,
    };

    public static async Task<Sip2ClientRegistration> CreateAsync(ISip2ClientRegistry registry, Sip2ClientRegistration registration)
    {
        var result = await registry.CreateAsync(registration);
        Assert.True(result.Succeeded, result.ToString());
        return result.Registration!;
    }
}
