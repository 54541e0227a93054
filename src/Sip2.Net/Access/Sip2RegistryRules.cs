using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using Sip2.Net.Encodings;
using Sip2.Net.Resolution;
using Sip2.Net.Vendors;
using Sip2.Net.Access.Internal;

namespace Sip2.Net.Access;

/// <summary>
/// Every rule of the registration model, as pure functions: given what a store read (the registration, the others at
/// its address, whether its branch is configured), each operation returns the registration to store, or the error
/// that refuses it. Every store in Sip2.Net calls these inside its own lock or transaction, so the rules are written
/// once; a custom store can do the same. Nothing here reads or writes anything.
/// </summary>
public static partial class Sip2RegistryRules
{
    /// <summary>The longest login id: it travels in CN of a Login (93), a field of at most 255 characters.</summary>
    public const int MaxLoginIdLength = 255;

    /// <summary>The longest description of a registration.</summary>
    public const int MaxDescriptionLength = 1000;

    /// <summary>The longest id of a group, institution or branch, and the longest name or SIP2 text (AO, AM, AN are fields of at most 255 characters).</summary>
    public const int MaxTextLength = 255;

    /// <summary>
    /// The form a requested registration is stored in: its address normalised (see <see cref="Sip2IPAddresses.Normalize"/>)
    /// and an empty login id as none. The id is left as given: assigning one is the store's job.
    /// </summary>
    public static Sip2ClientRegistration Normalize(Sip2ClientRegistration registration)
    {
        if (registration is null)
        {
            throw new ArgumentNullException(nameof(registration));
        }

        return registration with
        {
            IPAddress = registration.IPAddress is null ? null! : Sip2IPAddresses.Normalize(registration.IPAddress),
            LoginId = NormalizeLoginId(registration.LoginId),
        };
    }

    /// <summary>
    /// The form an address is stored and compared in: an IPv4-mapped IPv6 address (<c>::ffff:192.0.2.1</c>) is its IPv4
    /// address, and an IPv6 address loses its scope id, so one client is one key whichever socket stack reported it.
    /// </summary>
    public static IPAddress NormalizeAddress(IPAddress address) => Sip2IPAddresses.Normalize(address);

    /// <summary>
    /// A new registration. <paramref name="atAddress"/> are the registrations already stored for its address (read under
    /// the store's lock); <paramref name="branchConfigured"/> whether its branch has a SIP2 configuration.
    /// </summary>
    /// <returns>The registration to store (normalised), or the refusal.</returns>
    public static Sip2RegistryResult Create(
        Sip2ClientRegistration requested, IReadOnlyCollection<Sip2ClientRegistration> atAddress, bool branchConfigured, Sip2RegistryOptions options, Sip2VendorProfileCatalog vendors)
    {
        if (requested is null)
        {
            throw new ArgumentNullException(nameof(requested));
        }

        if (requested.IPAddress is null)
        {
            return Refuse(Sip2RegistryRule.InvalidValue, nameof(Sip2ClientRegistration.IPAddress), "An IP address is required.");
        }

        var candidate = Normalize(requested);
        if (candidate.Id == Guid.Empty)
        {
            return Refuse(Sip2RegistryRule.InvalidValue, nameof(Sip2ClientRegistration.Id), "The store assigns an id before checking a new registration.");
        }

        if (atAddress.Any(r => r.Id == candidate.Id))
        {
            return Refuse(Sip2RegistryRule.DuplicateId, nameof(Sip2ClientRegistration.Id), "A registration with this id already exists.");
        }

        var error = CheckAddress(candidate.IPAddress, options) ?? CheckLoginId(candidate.LoginId) ?? CheckSettings(candidate, branchConfigured, vendors)
            ?? CheckSharing(candidate, atAddress, removingLoginId: false);
        return error is null ? Sip2RegistryResult.Success(candidate, Sip2RegistrationChangeKind.Created) : Sip2RegistryResult.Failure(error);
    }

    /// <summary>
    /// New settings for a stored registration: description, institution, branch, vendor, encoding, resolution level. The
    /// address, login id, password and activation must be as stored (they have their own operations).
    /// </summary>
    /// <returns>The registration to store; a success without <see cref="Sip2RegistryResult.Change"/> when nothing changes.</returns>
    public static Sip2RegistryResult Update(Sip2ClientRegistration requested, Sip2ClientRegistration existing, bool branchConfigured, Sip2VendorProfileCatalog vendors)
    {
        if (requested is null)
        {
            throw new ArgumentNullException(nameof(requested));
        }

        if (existing is null)
        {
            throw new ArgumentNullException(nameof(existing));
        }

        if (requested.IPAddress is null || !Sip2IPAddresses.Normalize(requested.IPAddress).Equals(existing.IPAddress))
        {
            return Refuse(Sip2RegistryRule.IPAddressImmutable, nameof(Sip2ClientRegistration.IPAddress),
                "The IP address of a registration cannot change; delete the registration and create a new one.");
        }

        if (!string.Equals(NormalizeLoginId(requested.LoginId), existing.LoginId, StringComparison.Ordinal))
        {
            return Refuse(Sip2RegistryRule.DedicatedOperationRequired, nameof(Sip2ClientRegistration.LoginId), "Change the login id with its own operation.");
        }

        if (!Equals(requested.PasswordHash, existing.PasswordHash))
        {
            return Refuse(Sip2RegistryRule.DedicatedOperationRequired, nameof(Sip2ClientRegistration.PasswordHash), "Set the password with its own operation.");
        }

        if (requested.Activated != existing.Activated)
        {
            return Refuse(Sip2RegistryRule.DedicatedOperationRequired, nameof(Sip2ClientRegistration.Activated), "Activate or deactivate with their own operations.");
        }

        // Only the settings are taken from the caller; identity, credentials and activation stay as stored.
        var candidate = existing with
        {
            Description = requested.Description,
            InstitutionId = requested.InstitutionId,
            BranchId = requested.BranchId,
            Vendor = requested.Vendor,
            Encoding = requested.Encoding,
            ResolutionLevel = requested.ResolutionLevel,
        };

        if (candidate == existing)
        {
            return Sip2RegistryResult.Success(existing);
        }

        var error = CheckSettings(candidate, branchConfigured, vendors);
        return error is null ? Sip2RegistryResult.Success(candidate, Sip2RegistrationChangeKind.Updated) : Sip2RegistryResult.Failure(error);
    }

    /// <summary>
    /// Sets, changes or (null or empty) removes the login id. A different login id clears the password unless
    /// <paramref name="newPassword"/> gives the new one in the same step; the same login id only sets a password given along.
    /// </summary>
    /// <param name="existing">The registration as stored.</param>
    /// <param name="newLoginId">The login id to set; null or empty removes it.</param>
    /// <param name="newPassword">The new password's hash, or null.</param>
    /// <param name="atAddress">Every registration stored for the address (the registration itself may be among them).</param>
    public static Sip2RegistryResult ChangeLoginId(Sip2ClientRegistration existing, string? newLoginId, Sip2PasswordHash? newPassword, IReadOnlyCollection<Sip2ClientRegistration> atAddress)
    {
        if (existing is null)
        {
            throw new ArgumentNullException(nameof(existing));
        }

        var loginId = NormalizeLoginId(newLoginId);
        if (CheckLoginId(loginId) is { } invalid)
        {
            return Sip2RegistryResult.Failure(invalid);
        }

        if (loginId is null && newPassword is not null)
        {
            return Refuse(Sip2RegistryRule.PasswordRequiresLoginId, nameof(Sip2ClientRegistration.PasswordHash), "A password needs a login id.");
        }

        if (string.Equals(loginId, existing.LoginId, StringComparison.Ordinal))
        {
            // The same login id: nothing to clear. A password given along is simply set.
            return newPassword is null
                ? Sip2RegistryResult.Success(existing)
                : Sip2RegistryResult.Success(existing with { PasswordHash = newPassword }, Sip2RegistrationChangeKind.PasswordSet);
        }

        // A new login id never inherits the old password: until one is set, the registration cannot authenticate.
        var candidate = existing with { LoginId = loginId, PasswordHash = newPassword };
        var others = atAddress.Where(r => r.Id != existing.Id).ToArray();
        var error = CheckSharing(candidate, others, removingLoginId: loginId is null);
        return error is null ? Sip2RegistryResult.Success(candidate, Sip2RegistrationChangeKind.LoginChanged) : Sip2RegistryResult.Failure(error);
    }

    /// <summary>Sets the password of a registration that has a login id.</summary>
    public static Sip2RegistryResult SetPassword(Sip2ClientRegistration existing, Sip2PasswordHash password)
    {
        if (existing is null)
        {
            throw new ArgumentNullException(nameof(existing));
        }

        if (password is null)
        {
            throw new ArgumentNullException(nameof(password));
        }

        return existing.LoginId is null
            ? Refuse(Sip2RegistryRule.PasswordRequiresLoginId, nameof(Sip2ClientRegistration.PasswordHash), "A password needs a login id; set one first.")
            : Sip2RegistryResult.Success(existing with { PasswordHash = password }, Sip2RegistrationChangeKind.PasswordSet);
    }

    /// <summary>Activates or deactivates; a success without a change when it already is.</summary>
    public static Sip2RegistryResult SetActivated(Sip2ClientRegistration existing, bool activated)
    {
        if (existing is null)
        {
            throw new ArgumentNullException(nameof(existing));
        }

        return existing.Activated == activated
            ? Sip2RegistryResult.Success(existing)
            : Sip2RegistryResult.Success(existing with { Activated = activated }, activated ? Sip2RegistrationChangeKind.Activated : Sip2RegistrationChangeKind.Deactivated);
    }

    /// <summary>The refusal of an operation on an id no registration has.</summary>
    public static Sip2RegistryResult NotFound() => Refuse(Sip2RegistryRule.NotFound, nameof(Sip2ClientRegistration.Id), "No registration has this id.");

    /// <summary>Whether the address may be registered under the options (never the unspecified, broadcast or a multicast address).</summary>
    public static Sip2RegistryError? CheckAddress(IPAddress address, Sip2RegistryOptions options)
    {
        if (address is null)
        {
            throw new ArgumentNullException(nameof(address));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        const string Field = nameof(Sip2ClientRegistration.IPAddress);
        return Sip2IPAddresses.Classify(Sip2IPAddresses.Normalize(address)) switch
        {
            Sip2IPAddresses.Category.Invalid => new(Sip2RegistryRule.InvalidIPAddress, Field, $"{address} is an unspecified, broadcast, multicast or reserved address."),
            Sip2IPAddresses.Category.Loopback when !options.AllowLoopback => new(Sip2RegistryRule.IPAddressNotAllowed, Field, $"{address} is a loopback address, which this registry does not allow."),
            Sip2IPAddresses.Category.Private when !options.AllowPrivate => new(Sip2RegistryRule.IPAddressNotAllowed, Field, $"{address} is a private address, which this registry does not allow."),
            Sip2IPAddresses.Category.LinkLocal when !options.AllowLinkLocal => new(Sip2RegistryRule.IPAddressNotAllowed, Field, $"{address} is a link-local address, which this registry does not allow."),
            _ => null,
        };
    }

    /// <summary>Whether a login id can travel in CN: 1 to 255 characters, not only spaces, no <c>|</c> or control characters.</summary>
    public static Sip2RegistryError? CheckLoginId(string? loginId)
    {
        if (loginId is not null && (loginId.Length > MaxLoginIdLength || loginId.Any(c => c == '|' || char.IsControl(c)) || loginId.Trim().Length == 0))
        {
            return new(Sip2RegistryRule.InvalidValue, nameof(Sip2ClientRegistration.LoginId),
                $"A login id has 1 to {MaxLoginIdLength} characters, not only spaces, without '|' or control characters.");
        }

        return null;
    }

    private static string? NormalizeLoginId(string? loginId) => string.IsNullOrEmpty(loginId) ? null : loginId;

    private static Sip2RegistryResult Refuse(Sip2RegistryRule rule, string field, string message) => Sip2RegistryResult.Failure(new Sip2RegistryError(rule, field, message));

    private static bool IsDefined<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
#if NET8_0_OR_GREATER
        return Enum.IsDefined(value);
#else
        return Enum.IsDefined(typeof(TEnum), value);
#endif
    }

    private static Sip2RegistryError? CheckSettings(Sip2ClientRegistration candidate, bool branchConfigured, Sip2VendorProfileCatalog vendors)
    {
        if (candidate.PasswordHash is not null && candidate.LoginId is null)
        {
            return new(Sip2RegistryRule.PasswordRequiresLoginId, nameof(Sip2ClientRegistration.PasswordHash), "A password needs a login id.");
        }

        if (CheckId(candidate.InstitutionId, nameof(Sip2ClientRegistration.InstitutionId), "An institution") is { } institution)
        {
            return institution;
        }

        if (CheckId(candidate.BranchId, nameof(Sip2ClientRegistration.BranchId), "A branch") is { } branch)
        {
            return branch;
        }

        if (candidate.Description is { Length: > MaxDescriptionLength })
        {
            return new(Sip2RegistryRule.InvalidValue, nameof(Sip2ClientRegistration.Description), $"A description has at most {MaxDescriptionLength} characters.");
        }

        if (!IsDefined(candidate.Encoding))
        {
            return new(Sip2RegistryRule.InvalidValue, nameof(Sip2ClientRegistration.Encoding), $"Unknown character encoding {candidate.Encoding}.");
        }

        if (!IsDefined(candidate.ResolutionLevel))
        {
            return new(Sip2RegistryRule.InvalidValue, nameof(Sip2ClientRegistration.ResolutionLevel), $"Unknown resolution level {candidate.ResolutionLevel}.");
        }

        if (!vendors.Contains(candidate.Vendor))
        {
            return new(Sip2RegistryRule.UnknownVendor, nameof(Sip2ClientRegistration.Vendor), $"No vendor profile is named '{candidate.Vendor}'.");
        }

        return branchConfigured
            ? null
            : new(Sip2RegistryRule.BranchWithoutConfiguration, nameof(Sip2ClientRegistration.BranchId),
                $"Branch '{candidate.BranchId}' of institution '{candidate.InstitutionId}' has no SIP2 configuration; create one first.");
    }

    // Rules 1 to 3 for one registration against the others stored for its address.
    private static Sip2RegistryError? CheckSharing(Sip2ClientRegistration candidate, IReadOnlyCollection<Sip2ClientRegistration> others, bool removingLoginId)
    {
        if (candidate.PasswordHash is not null && candidate.LoginId is null)
        {
            return new(Sip2RegistryRule.PasswordRequiresLoginId, nameof(Sip2ClientRegistration.PasswordHash), "A password needs a login id.");
        }

        if (others.Count == 0)
        {
            return null;
        }

        if (candidate.LoginId is null)
        {
            return removingLoginId
                ? new(Sip2RegistryRule.LoginIdRemovalBreaksSharing, nameof(Sip2ClientRegistration.LoginId),
                    $"{candidate.IPAddress} is shared by {others.Count + 1} registrations, so each needs a login id.")
                : new(Sip2RegistryRule.SharedAddressRequiresCredentials, nameof(Sip2ClientRegistration.LoginId),
                    $"{candidate.IPAddress} is already registered; a second registration for it needs a login id and a password.");
        }

        if (others.Any(o => o.LoginId is null))
        {
            return new(Sip2RegistryRule.SharedAddressRequiresCredentials, nameof(Sip2ClientRegistration.IPAddress),
                $"{candidate.IPAddress} is registered without a login id; give that registration a login id and password first.");
        }

        if (others.Any(o => string.Equals(o.LoginId, candidate.LoginId, StringComparison.OrdinalIgnoreCase)))
        {
            return new(Sip2RegistryRule.LoginIdUniquePerAddress, nameof(Sip2ClientRegistration.LoginId),
                $"Another registration for {candidate.IPAddress} already uses login id '{candidate.LoginId}' (compared case-insensitively).");
        }

        if (candidate.PasswordHash is null)
        {
            return new(Sip2RegistryRule.SharedAddressRequiresCredentials, nameof(Sip2ClientRegistration.PasswordHash),
                $"{candidate.IPAddress} is shared, so every registration for it needs a password.");
        }

        if (others.Any(o => o.PasswordHash is null))
        {
            return new(Sip2RegistryRule.SharedAddressRequiresCredentials, nameof(Sip2ClientRegistration.IPAddress),
                $"A registration for {candidate.IPAddress} has no password; set it before sharing the address.");
        }

        return null;
    }
}
