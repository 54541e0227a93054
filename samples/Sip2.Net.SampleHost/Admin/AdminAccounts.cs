using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using Sip2.Net.Access;

namespace Sip2.Net.SampleHost.Admin;

/// <summary>The administrators from the configuration, checked so that a wrong user name and a wrong password take the same time.</summary>
internal sealed class AdminAccounts
{
    private readonly Dictionary<string, Sip2PasswordHash> accounts = new(StringComparer.OrdinalIgnoreCase);

    // Verified when the user name is unknown, so the answer's timing does not tell which names exist. Made on first
    // use: hashing is deliberately slow, and most starts never see an unknown name.
    private readonly Lazy<Sip2PasswordHash> decoy = new(() => Sip2PasswordHash.Create(Convert.ToBase64String(RandomNumberGenerator.GetBytes(18))));

    public AdminAccounts(IReadOnlyList<AdminAccountSettings> settings)
    {
        for (var i = 0; i < settings.Count; i++)
        {
            var account = settings[i];
            if (string.IsNullOrWhiteSpace(account.UserName))
            {
                throw new SampleHostStartupException($"configuration: Sip2:Admin:Accounts:{i}:UserName is empty.");
            }

            if (!Sip2PasswordHash.TryParse(account.PasswordHash, out var hash))
            {
                throw new SampleHostStartupException($"configuration: Sip2:Admin:Accounts:{i}:PasswordHash is not a stored hash ({Sip2PasswordHash.AlgorithmId}$iterations$salt$hash; `dotnet run --project samples/Sip2.Net.SampleHost -f net10.0 -- hash-password` prints one).");
            }

            if (!accounts.TryAdd(account.UserName.Trim(), hash))
            {
                throw new SampleHostStartupException($"configuration: Sip2:Admin:Accounts:{i}: the user name '{account.UserName}' is given twice.");
            }
        }
    }

    public int Count => accounts.Count;

    /// <summary>The account's name as configured when the password verifies; null otherwise.</summary>
    public string? Verify(string? userName, string? password)
    {
        var known = accounts.TryGetValue(userName?.Trim() ?? "", out var hash);
        var verified = (known ? hash! : decoy.Value).Verify(password);
        if (!known || !verified)
        {
            return null;
        }

        foreach (var name in accounts.Keys)
        {
            if (string.Equals(name, userName!.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        return null;
    }
}
