using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace Sip2.Net.Access;

// The checks behind the model's registry rules, and the copy-on-write store they guard.
public sealed partial class InMemorySip2ClientRegistry
{
    private const int MaxLoginIdLength = 255;
    private const int MaxTextLength = 1000;

    // Written and read only while the write lock is held.
    private Sip2RegistrationChangedEventArgs? pendingChange;

    private static bool IsDefined<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
#if NET8_0_OR_GREATER
        return Enum.IsDefined(value);
#else
        return Enum.IsDefined(typeof(TEnum), value);
#endif
    }

    private static string? NormalizeLoginId(string? loginId) => string.IsNullOrEmpty(loginId) ? null : loginId;

    private Sip2RegistryError? CheckAddress(IPAddress address)
    {
        const string Field = nameof(Sip2ClientRegistration.IPAddress);
        return Sip2IPAddresses.Classify(address) switch
        {
            Sip2IPAddresses.Category.Invalid => new(Sip2RegistryRule.InvalidIPAddress, Field, $"{address} is an unspecified, broadcast, multicast or reserved address."),
            Sip2IPAddresses.Category.Loopback when !options.AllowLoopback => new(Sip2RegistryRule.IPAddressNotAllowed, Field, $"{address} is a loopback address, which this registry does not allow."),
            Sip2IPAddresses.Category.Private when !options.AllowPrivate => new(Sip2RegistryRule.IPAddressNotAllowed, Field, $"{address} is a private address, which this registry does not allow."),
            Sip2IPAddresses.Category.LinkLocal when !options.AllowLinkLocal => new(Sip2RegistryRule.IPAddressNotAllowed, Field, $"{address} is a link-local address, which this registry does not allow."),
            _ => null,
        };
    }

    private static Sip2RegistryError? CheckLoginId(string? loginId)
    {
        // A login id travels in CN of a Login (93): it cannot hold the field delimiter or control characters.
        if (loginId is not null && (loginId.Length > MaxLoginIdLength || loginId.Any(c => c == '|' || char.IsControl(c)) || loginId.Trim().Length == 0))
        {
            return new(Sip2RegistryRule.InvalidValue, nameof(Sip2ClientRegistration.LoginId),
                $"A login id has 1 to {MaxLoginIdLength} characters, not only spaces, without '|' or control characters.");
        }

        return null;
    }

    private async ValueTask<Sip2RegistryError?> CheckSettingsAsync(Sip2ClientRegistration candidate, CancellationToken cancellationToken)
    {
        if (candidate.PasswordHash is not null && candidate.LoginId is null)
        {
            return new(Sip2RegistryRule.PasswordRequiresLoginId, nameof(Sip2ClientRegistration.PasswordHash), "A password needs a login id.");
        }

        if (string.IsNullOrWhiteSpace(candidate.InstitutionId))
        {
            return new(Sip2RegistryRule.InvalidValue, nameof(Sip2ClientRegistration.InstitutionId), "An institution is required.");
        }

        if (string.IsNullOrWhiteSpace(candidate.BranchId))
        {
            return new(Sip2RegistryRule.InvalidValue, nameof(Sip2ClientRegistration.BranchId), "A branch is required.");
        }

        if (candidate.Description is { Length: > MaxTextLength })
        {
            return new(Sip2RegistryRule.InvalidValue, nameof(Sip2ClientRegistration.Description), $"A description has at most {MaxTextLength} characters.");
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

        var configuration = await directory.GetBranchConfigurationAsync(candidate.InstitutionId, candidate.BranchId, cancellationToken).ConfigureAwait(false);
        if (configuration is null)
        {
            return new(Sip2RegistryRule.BranchWithoutConfiguration, nameof(Sip2ClientRegistration.BranchId),
                $"Branch '{candidate.BranchId}' of institution '{candidate.InstitutionId}' has no SIP2 configuration; create one first.");
        }

        return null;
    }

    // Rules 1 to 3 for one registration against the others stored for its address.
    private static Sip2RegistryError? CheckSharing(Sip2ClientRegistration candidate, Sip2ClientRegistration[] others, bool removingLoginId)
    {
        if (candidate.PasswordHash is not null && candidate.LoginId is null)
        {
            return new(Sip2RegistryRule.PasswordRequiresLoginId, nameof(Sip2ClientRegistration.PasswordHash), "A password needs a login id.");
        }

        if (others.Length == 0)
        {
            return null;
        }

        if (candidate.LoginId is null)
        {
            return removingLoginId
                ? new(Sip2RegistryRule.LoginIdRemovalBreaksSharing, nameof(Sip2ClientRegistration.LoginId),
                    $"{candidate.IPAddress} is shared by {others.Length + 1} registrations, so each needs a login id.")
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

    private async ValueTask<Sip2RegistryResult> WriteAsync(Func<Snapshot, CancellationToken, ValueTask<Sip2RegistryResult>> operation, CancellationToken cancellationToken)
    {
        Sip2RegistryResult result;
        Sip2RegistrationChangedEventArgs? change;
        await writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            pendingChange = null;
            result = await operation(current, cancellationToken).ConfigureAwait(false);
            change = pendingChange;
            pendingChange = null;
        }
        finally
        {
            writeLock.Release();
        }

        // Raised outside the lock, so a handler may read or even write the registry without dead-locking.
        if (change is not null)
        {
            Raise(change);
        }

        return result;
    }

    private Sip2RegistryResult Commit(Snapshot next, Sip2RegistrationChangeKind kind, Sip2ClientRegistration registration, Sip2ClientRegistration? previous)
    {
        current = next;
        pendingChange = new Sip2RegistrationChangedEventArgs(kind, registration, previous);
        Log.RegistrationChanged(logger, kind, registration.Id, registration.IPAddress);
        return Sip2RegistryResult.Success(registration);
    }

    private Sip2RegistryResult Refuse(Sip2RegistryRule rule, string field, string message) => Refuse(new Sip2RegistryError(rule, field, message));

    private Sip2RegistryResult Refuse(Sip2RegistryError error)
    {
        Log.RegistryOperationRefused(logger, error.Rule, error.Field);
        return Sip2RegistryResult.Failure(error);
    }

    private Sip2RegistryResult NotFound() => Refuse(Sip2RegistryRule.NotFound, nameof(Sip2ClientRegistration.Id), "No registration has this id.");

#pragma warning disable CA1031 // A failing subscriber must not undo or hide a change that is already stored.
    private void Raise(Sip2RegistrationChangedEventArgs change)
    {
        try
        {
            RegistrationChanged?.Invoke(this, change);
        }
        catch (Exception exception)
        {
            Log.RegistrationChangedHandlerFailed(logger, exception, change.Kind, change.Registration.Id);
        }
    }
#pragma warning restore CA1031

    // The whole registry as one immutable value: writers build the next one, readers keep the one they took.
    private sealed class Snapshot
    {
        public static readonly Snapshot Empty = new(new Dictionary<Guid, Sip2ClientRegistration>(), new Dictionary<IPAddress, Sip2ClientRegistration[]>());

        private Snapshot(Dictionary<Guid, Sip2ClientRegistration> byId, Dictionary<IPAddress, Sip2ClientRegistration[]> byAddress)
        {
            ById = byId;
            ByAddress = byAddress;
        }

        public Dictionary<Guid, Sip2ClientRegistration> ById { get; }

        public Dictionary<IPAddress, Sip2ClientRegistration[]> ByAddress { get; }

        public Sip2ClientRegistration[] AtAddress(IPAddress address) =>
            ByAddress.TryGetValue(address, out var list) ? list : Array.Empty<Sip2ClientRegistration>();

        // Adds or replaces (by id) a registration; its address never changes, so one address list is touched.
        public Snapshot Put(Sip2ClientRegistration registration)
        {
            var byId = new Dictionary<Guid, Sip2ClientRegistration>(ById) { [registration.Id] = registration };
            var byAddress = new Dictionary<IPAddress, Sip2ClientRegistration[]>(ByAddress)
            {
                [registration.IPAddress] = AtAddress(registration.IPAddress).Where(r => r.Id != registration.Id).Append(registration).ToArray(),
            };
            return new Snapshot(byId, byAddress);
        }

        public Snapshot Remove(Sip2ClientRegistration registration)
        {
            var byId = new Dictionary<Guid, Sip2ClientRegistration>(ById);
            byId.Remove(registration.Id);
            var byAddress = new Dictionary<IPAddress, Sip2ClientRegistration[]>(ByAddress);
            var rest = AtAddress(registration.IPAddress).Where(r => r.Id != registration.Id).ToArray();
            if (rest.Length == 0)
            {
                byAddress.Remove(registration.IPAddress);
            }
            else
            {
                byAddress[registration.IPAddress] = rest;
            }

            return new Snapshot(byId, byAddress);
        }
    }
}
