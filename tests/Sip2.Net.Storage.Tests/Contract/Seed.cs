using System.Net;
using System.Text;
using Sip2.Net.Access;
using Sip2.Net.Resolution;

namespace Sip2.Net.Storage.Tests.Contract;

/// <summary>What the checks start from: a directory, addresses, registrations, and the store's whole state as text.</summary>
public static class Seed
{
    public static readonly IPAddress Kiosk = IPAddress.Parse("203.0.113.10");
    public static readonly IPAddress Shared = IPAddress.Parse("203.0.113.20");
    public static readonly IPAddress Other = IPAddress.Parse("198.51.100.7");

    /// <summary>The cheapest hash the library accepts: hashing is not what is tested.</summary>
    public static Sip2PasswordHash Hash(string password) => Sip2PasswordHash.Create(password, Sip2PasswordHash.MinimumIterations);

    /// <summary>Group G; institutions A and B in it; branch configurations A/MAIN, A/EAST and B/MAIN.</summary>
    public static async Task DirectoryAsync(ISip2RegistryStore store)
    {
        await MustAsync(store.SaveGroupAsync(new Sip2InstitutionGroup { Id = "G", Name = "Group" }, "seed"));
        await MustAsync(store.SaveInstitutionAsync(new Sip2Institution { Id = "A", Name = "Alpha", GroupId = "G" }, "seed"));
        await MustAsync(store.SaveInstitutionAsync(new Sip2Institution { Id = "B", Name = "Beta", GroupId = "G" }, "seed"));
        await MustAsync(store.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "A", BranchId = "MAIN", LibraryName = "Alpha Main" }, "seed"));
        await MustAsync(store.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "A", BranchId = "EAST" }, "seed"));
        await MustAsync(store.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "B", BranchId = "MAIN" }, "seed"));
    }

    public static Sip2ClientRegistration Registration(IPAddress address, string? login = null, string? password = null, string institution = "A", string branch = "MAIN") => new()
    {
        IPAddress = address,
        LoginId = login,
        PasswordHash = password is null ? null : Hash(password),
        InstitutionId = institution,
        BranchId = branch,
    };

    public static async Task<Sip2ClientRegistration> CreateAsync(ISip2RegistryStore store, Sip2ClientRegistration registration) =>
        (await store.CreateAsync(registration, "seed")).GetValueOrThrow();

    public static async Task MustAsync(ValueTask<Sip2RegistryError?> write)
    {
        var error = await write;
        Assert.True(error is null, $"The check's set-up was refused: {error}");
    }

    /// <summary>
    /// Everything a store holds, as one text (hashes in their stored form, so two passwords differ), and how long its
    /// audit trail is: equal before and after an operation means the operation changed nothing. Without the audit trail
    /// (which only the database has) it is what the store's snapshot holds.
    /// </summary>
    public static async Task<string> StateAsync(ISip2RegistryStore store, bool withAudit = true)
    {
        var text = new StringBuilder();
        foreach (var r in (await store.ListAsync()).OrderBy(r => r.Id))
        {
            text.AppendLine($"registration {r.Id} {r.IPAddress} {r.LoginId ?? "-"} {r.PasswordHash?.ToStoredString() ?? "-"} {r.Description ?? "-"} {r.InstitutionId}/{r.BranchId} {r.Vendor} {r.Encoding} {r.ResolutionLevel} {r.Activated}");
        }

        foreach (var g in await store.ListGroupsAsync())
        {
            text.AppendLine($"group {g}");
        }

        foreach (var i in await store.ListInstitutionsAsync())
        {
            text.AppendLine($"institution {i}");
            foreach (var o in await store.ListMessageOverridesAsync(i.Id))
            {
                text.AppendLine($"  message {o}");
            }
        }

        foreach (var b in await store.ListBranchConfigurationsAsync())
        {
            text.AppendLine($"branch {b}");
        }

        if (withAudit)
        {
            text.AppendLine($"audit entries {(await store.ListAuditAsync(1000)).Count}");
        }

        return text.ToString();
    }
}
