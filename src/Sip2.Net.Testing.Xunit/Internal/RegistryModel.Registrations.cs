using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using Sip2.Net.Access;
using Sip2.Net.Encodings;
using Sip2.Net.Resolution;

namespace Sip2.Net.Testing.Xunit.Internal;

// The registrations: each operation builds the registration it would store, then the whole rule set is checked on the
// registry it would leave.
internal sealed partial class RegistryModel
{
    public Expectation Create(Sip2ClientRegistration requested, Guid assignedId)
    {
        if (requested.Id != Guid.Empty && registrations.ContainsKey(requested.Id))
        {
            return Expectation.Refused(Sip2RegistryRule.DuplicateId);
        }

        var candidate = requested with
        {
            Id = requested.Id == Guid.Empty ? assignedId : requested.Id,
            IPAddress = Normal(requested.IPAddress),
            LoginId = string.IsNullOrEmpty(requested.LoginId) ? null : requested.LoginId,
        };
        return Store(candidate, null, Sip2RegistrationChangeKind.Created, removingLogin: false);
    }

    public Expectation Update(Sip2ClientRegistration requested)
    {
        if (Find(requested.Id) is not { } existing)
        {
            return Expectation.Refused(Sip2RegistryRule.NotFound);
        }

        if (!Normal(requested.IPAddress).Equals(existing.IPAddress))
        {
            return Expectation.Refused(Sip2RegistryRule.IPAddressImmutable);
        }

        var login = string.IsNullOrEmpty(requested.LoginId) ? null : requested.LoginId;
        if (login != existing.LoginId || !Equals(requested.PasswordHash, existing.PasswordHash) || requested.Activated != existing.Activated)
        {
            return Expectation.Refused(Sip2RegistryRule.DedicatedOperationRequired);
        }

        var candidate = requested with { IPAddress = existing.IPAddress, LoginId = existing.LoginId };
        return candidate == existing ? Expectation.NoChange(existing) : Store(candidate, existing, Sip2RegistrationChangeKind.Updated, removingLogin: false);
    }

    public Expectation Delete(Guid id)
    {
        if (Find(id) is not { } existing)
        {
            return Expectation.Refused(Sip2RegistryRule.NotFound);
        }

        registrations.Remove(id);
        return new Expectation(true, [], existing, Sip2RegistrationChangeKind.Deleted, existing, Sip2AuditAction.RegistrationDeleted, id.ToString());
    }

    public Expectation SetActivated(Guid id, bool activated)
    {
        if (Find(id) is not { } existing)
        {
            return Expectation.Refused(Sip2RegistryRule.NotFound);
        }

        return existing.Activated == activated
            ? Expectation.NoChange(existing)
            : Store(existing with { Activated = activated }, existing, activated ? Sip2RegistrationChangeKind.Activated : Sip2RegistrationChangeKind.Deactivated, removingLogin: false);
    }

    public Expectation ChangeLogin(Guid id, string? newLogin, Sip2PasswordHash? password)
    {
        if (Find(id) is not { } existing)
        {
            return Expectation.Refused(Sip2RegistryRule.NotFound);
        }

        var login = string.IsNullOrEmpty(newLogin) ? null : newLogin;
        if (!IsLogin(login))
        {
            return Expectation.Refused(Sip2RegistryRule.InvalidValue);
        }

        if (login is null && password is not null)
        {
            return Expectation.Refused(Sip2RegistryRule.PasswordRequiresLoginId);
        }

        if (string.Equals(login, existing.LoginId, StringComparison.Ordinal))
        {
            // The same login id keeps its password; one given along replaces it.
            return password is null
                ? Expectation.NoChange(existing)
                : Store(existing with { PasswordHash = password }, existing, Sip2RegistrationChangeKind.PasswordSet, removingLogin: false);
        }

        // A new login id never keeps the old password.
        return Store(existing with { LoginId = login, PasswordHash = password }, existing, Sip2RegistrationChangeKind.LoginChanged, removingLogin: login is null);
    }

    public Expectation SetPassword(Guid id, Sip2PasswordHash password)
    {
        if (Find(id) is not { } existing)
        {
            return Expectation.Refused(Sip2RegistryRule.NotFound);
        }

        return existing.LoginId is null
            ? Expectation.Refused(Sip2RegistryRule.PasswordRequiresLoginId)
            : Store(existing with { PasswordHash = password }, existing, Sip2RegistrationChangeKind.PasswordSet, removingLogin: false);
    }

    // An IPv4 address seen through an IPv6 socket is the IPv4 address.
    private static IPAddress Normal(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static bool IsLogin(string? login) =>
        login is null || (login.Length <= 255 && login.Trim().Length > 0 && !login.Any(c => c == '|' || char.IsControl(c)));

    // Accepts the candidate when the registry with it in place of `previous` keeps every rule.
    private Expectation Store(Sip2ClientRegistration candidate, Sip2ClientRegistration? previous, Sip2RegistrationChangeKind change, bool removingLogin)
    {
        var broken = Broken(candidate, removingLogin).Distinct().ToArray();
        if (broken.Length > 0)
        {
            return Expectation.Refused(broken);
        }

        registrations[candidate.Id] = candidate;
        return new Expectation(true, [], candidate, change, previous, AuditOf(change), candidate.Id.ToString());
    }

    private IEnumerable<Sip2RegistryRule> Broken(Sip2ClientRegistration candidate, bool removingLogin)
    {
        switch (Category(candidate.IPAddress))
        {
            case AddressCategory.Never:
                yield return Sip2RegistryRule.InvalidIPAddress;
                break;
            case AddressCategory.Local when !allowLocal:
                yield return Sip2RegistryRule.IPAddressNotAllowed;
                break;
        }

        if (!IsLogin(candidate.LoginId) || !IsId(candidate.InstitutionId) || !IsId(candidate.BranchId) || candidate.Description is { Length: > 1000 }
            || !Enum.IsDefined(candidate.Encoding) || !Enum.IsDefined(candidate.ResolutionLevel))
        {
            yield return Sip2RegistryRule.InvalidValue;
        }

        if (candidate.PasswordHash is not null && candidate.LoginId is null)
        {
            yield return Sip2RegistryRule.PasswordRequiresLoginId;
        }

        if (!KnownVendors.Contains(candidate.Vendor, Ids))
        {
            yield return Sip2RegistryRule.UnknownVendor;
        }

        if (!branches.ContainsKey(Key(candidate.InstitutionId ?? "", candidate.BranchId ?? "")))
        {
            yield return Sip2RegistryRule.BranchWithoutConfiguration;
            if (!institutions.ContainsKey(candidate.InstitutionId ?? ""))
            {
                yield return Sip2RegistryRule.UnknownInstitution;
            }
        }

        // Rules 1 to 3, over every registration the address would then have.
        var atAddress = registrations.Values.Where(r => r.Id != candidate.Id && r.IPAddress.Equals(candidate.IPAddress)).Append(candidate).ToList();
        if (atAddress.Count > 1)
        {
            if (atAddress.Any(r => r.LoginId is null || r.PasswordHash is null))
            {
                yield return Sip2RegistryRule.SharedAddressRequiresCredentials;
                if (removingLogin)
                {
                    yield return Sip2RegistryRule.LoginIdRemovalBreaksSharing;
                }
            }

            if (atAddress.Where(r => r.LoginId is not null).GroupBy(r => r.LoginId!.ToUpperInvariant()).Any(g => g.Count() > 1))
            {
                yield return Sip2RegistryRule.LoginIdUniquePerAddress;
            }
        }
    }

    private static Sip2AuditAction AuditOf(Sip2RegistrationChangeKind change) => change switch
    {
        Sip2RegistrationChangeKind.Created => Sip2AuditAction.RegistrationCreated,
        Sip2RegistrationChangeKind.Updated => Sip2AuditAction.RegistrationUpdated,
        Sip2RegistrationChangeKind.Activated => Sip2AuditAction.RegistrationActivated,
        Sip2RegistrationChangeKind.Deactivated => Sip2AuditAction.RegistrationDeactivated,
        Sip2RegistrationChangeKind.LoginChanged => Sip2AuditAction.RegistrationLoginChanged,
        Sip2RegistrationChangeKind.PasswordSet => Sip2AuditAction.RegistrationPasswordSet,
        _ => Sip2AuditAction.RegistrationDeleted,
    };

    private enum AddressCategory
    {
        Public,
        Local,
        Never,
    }

    // Only the addresses the operations use: the model states their kind rather than computing it.
    private static AddressCategory Category(IPAddress address) => address.ToString() switch
    {
        "224.0.0.9" or "0.0.0.0" => AddressCategory.Never,
        "192.168.0.9" or "127.0.0.1" => AddressCategory.Local,
        _ when address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6 => AddressCategory.Public,
        _ => AddressCategory.Never,
    };
}
