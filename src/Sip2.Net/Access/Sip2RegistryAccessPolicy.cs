using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sip2.Net.Resolution;
using Sip2.Net.Vendors;
using Sip2.Net.Access.Internal;

namespace Sip2.Net.Access;

/// <summary>
/// The default <see cref="ISip2AccessPolicy"/>, over an <see cref="ISip2ClientRegistry"/> and an
/// <see cref="ISip2LibraryDirectory"/>. Admission: no activated registration for the address refuses; exactly one
/// without a login id binds; anything else waits for a login. Login: a kiosk on an address whose sole
/// registration has no login id always succeeds; otherwise the login id (case-insensitive) selects a registration
/// of the address and its password is verified in constant time. Failures are counted per connection, per
/// address and per login id (see <see cref="Sip2AccessPolicyOptions"/>).
/// </summary>
public sealed class Sip2RegistryAccessPolicy : ISip2AccessPolicy
{
    private readonly ISip2ClientRegistry registry;
    private readonly ISip2LibraryDirectory directory;
    private readonly Sip2VendorProfileCatalog vendors;
    private readonly Sip2AccessPolicyOptions options;
    private readonly FailureThrottle<IPAddress> addresses;
    private readonly FailureThrottle<string> loginIds;
    private readonly ILogger logger;

    // Hashes of no password, one per cost, verified when a login id matches nothing: an unknown login id then
    // costs as much as a wrong password, so timing does not tell which login ids exist.
    private readonly ConcurrentDictionary<int, Sip2PasswordHash> decoys = new();

    /// <summary>Creates the policy.</summary>
    /// <param name="registry">The registrations.</param>
    /// <param name="directory">Institutions, groups and branch configurations, to build session bindings.</param>
    /// <param name="vendors">The vendor profiles; null for the built-in ones.</param>
    /// <param name="options">Brute-force limits; null for the defaults. Validated here.</param>
    /// <param name="timeProvider">The clock for lockouts; null for the system clock.</param>
    /// <param name="logger">A logger; null for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public Sip2RegistryAccessPolicy(
        ISip2ClientRegistry registry,
        ISip2LibraryDirectory directory,
        Sip2VendorProfileCatalog? vendors = null,
        Sip2AccessPolicyOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger<Sip2RegistryAccessPolicy>? logger = null)
    {
        this.registry = registry ?? throw new ArgumentNullException(nameof(registry));
        this.directory = directory ?? throw new ArgumentNullException(nameof(directory));
        this.vendors = vendors ?? new Sip2VendorProfileCatalog();
        this.options = options ?? new Sip2AccessPolicyOptions();
        this.options.Validate();
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        var time = timeProvider ?? TimeProvider.System;
        var o = this.options;
        addresses = new FailureThrottle<IPAddress>(time, o.MaxFailedLoginsPerAddress, o.AddressFailureWindow, o.AddressLockout, o.MaxLockout);
        loginIds = new FailureThrottle<string>(time, o.MaxFailedLoginsPerLoginId, o.LoginIdFailureWindow, o.LoginIdLockout, o.MaxLockout, StringComparer.OrdinalIgnoreCase);
    }

    /// <inheritdoc/>
    public async ValueTask<Sip2Admission> AdmitAsync(IPAddress remoteAddress, CancellationToken cancellationToken = default)
    {
        var session = new Sip2AccessSession(remoteAddress ?? throw new ArgumentNullException(nameof(remoteAddress)));
        var active = await ActiveRegistrationsAsync(session.RemoteAddress, cancellationToken).ConfigureAwait(false);
        if (active.Count == 0)
        {
            Log.AdmissionRefused(logger, session.RemoteAddress);
            return Sip2Admission.Refused(Sip2MessageScenario.AccessRefused);
        }

        if (active.Count == 1 && active[0].LoginId is null)
        {
            var binding = await CreateBindingAsync(active[0], cancellationToken).ConfigureAwait(false);
            if (binding is null)
            {
                return Sip2Admission.Refused(Sip2MessageScenario.ConfigurationMissing);
            }

            session.Bind(binding);
            Log.AdmissionBound(logger, session.RemoteAddress, binding.Registration.Id);
            return Sip2Admission.Bound(session);
        }

        Log.AdmissionAwaitingLogin(logger, session.RemoteAddress, active.Count);
        return Sip2Admission.AwaitingLogin(session);
    }

    /// <inheritdoc/>
    public async ValueTask<Sip2LoginResult> LoginAsync(Sip2AccessSession session, string? loginId, string? password, CancellationToken cancellationToken = default)
    {
        if (session is null)
        {
            throw new ArgumentNullException(nameof(session));
        }

        var address = session.RemoteAddress;
        var active = await ActiveRegistrationsAsync(address, cancellationToken).ConfigureAwait(false);

        // A kiosk that always logs in, on an address whose sole registration needs no login: whatever it
        // sends, the answer is 941 with the registration as it is now.
        if (active.Count == 1 && active[0].LoginId is null)
        {
            return await AcceptAsync(session, active[0], cancellationToken).ConfigureAwait(false);
        }

        // Locked out by address or by login id: refused without looking at the password, which is what makes
        // the lockout slow a guesser down. The login id is tracked whether or not it exists, so the answers do
        // not tell which ones do.
        var named = string.IsNullOrEmpty(loginId) ? null : loginId;
        if (LockedOut(address, named, out var retryAfter))
        {
            Log.LoginThrottled(logger, address, retryAfter);
            return session.RecordFailedLogin() >= options.MaxFailedLoginsPerConnection
                ? TooManyFailures(session)
                : Sip2LoginResult.Throttled(retryAfter);
        }

        // Rule 2 makes the match unique. The password is checked whether or not a registration matched.
        var match = named is null ? null : active.FirstOrDefault(r => string.Equals(r.LoginId, named, StringComparison.OrdinalIgnoreCase));
        bool verified;
        if (match?.PasswordHash is { } hash)
        {
            verified = hash.Verify(password);
        }
        else
        {
            var cost = active.Select(r => r.PasswordHash?.Iterations).FirstOrDefault(i => i is not null) ?? Sip2PasswordHash.DefaultIterations;
            _ = Decoy(cost).Verify(password);
            verified = false;
        }

        if (verified)
        {
            loginIds.Reset(named!);
            return await AcceptAsync(session, match!, cancellationToken).ConfigureAwait(false);
        }

        var failures = session.RecordFailedLogin();
        if (addresses.RecordFailure(address) is { } lockedUntil)
        {
            Log.AddressLockedOut(logger, address, lockedUntil);
        }

        if (named is not null && loginIds.RecordFailure(named) is { } loginIdLockedUntil)
        {
            if (match is not null)
            {
                Log.LoginIdLockedOut(logger, match.Id, loginIdLockedUntil);
            }
            else
            {
                Log.UnknownLoginIdLockedOut(logger, address, loginIdLockedUntil);
            }
        }

        if (failures >= options.MaxFailedLoginsPerConnection)
        {
            return TooManyFailures(session);
        }

        Log.LoginRefused(logger, address, failures);
        return Sip2LoginResult.Refused();
    }

    private bool LockedOut(IPAddress address, string? loginId, out TimeSpan retryAfter)
    {
        _ = addresses.IsLockedOut(address, out var byAddress);
        var byLoginId = loginId is not null && loginIds.IsLockedOut(loginId, out var loginIdLeft) ? loginIdLeft : TimeSpan.Zero;
        retryAfter = byAddress > byLoginId ? byAddress : byLoginId;
        return retryAfter > TimeSpan.Zero; // a lockout is exactly a positive time left
    }

    private Sip2LoginResult TooManyFailures(Sip2AccessSession session)
    {
        Log.TooManyFailedLogins(logger, session.RemoteAddress, session.FailedLogins);
        return Sip2LoginResult.TooManyFailures();
    }

    private async ValueTask<Sip2LoginResult> AcceptAsync(Sip2AccessSession session, Sip2ClientRegistration registration, CancellationToken cancellationToken)
    {
        var binding = await CreateBindingAsync(registration, cancellationToken).ConfigureAwait(false);
        if (binding is null)
        {
            // The administrator's doing, not the client's: refused, but not counted as a failure.
            return Sip2LoginResult.Refused(Sip2MessageScenario.ConfigurationMissing);
        }

        session.Bind(binding);
        Log.LoginAccepted(logger, session.RemoteAddress, registration.Id);
        return Sip2LoginResult.Accepted(binding);
    }

    private async ValueTask<IReadOnlyList<Sip2ClientRegistration>> ActiveRegistrationsAsync(IPAddress address, CancellationToken cancellationToken)
    {
        var all = await registry.ListByAddressAsync(address, cancellationToken).ConfigureAwait(false);
        return all.Where(r => r.Activated).ToArray();
    }

    private Sip2PasswordHash Decoy(int iterations) =>
        decoys.GetOrAdd(iterations, i => Sip2PasswordHash.Create(Guid.NewGuid().ToString("N"), Math.Max(Sip2PasswordHash.MinimumIterations, i)));

    private async ValueTask<Sip2SessionBinding?> CreateBindingAsync(Sip2ClientRegistration registration, CancellationToken cancellationToken)
    {
        var configuration = await directory.GetBranchConfigurationAsync(registration.InstitutionId, registration.BranchId, cancellationToken).ConfigureAwait(false);
        if (configuration is null)
        {
            Log.ConfigurationMissing(logger, registration.Id, registration.InstitutionId, registration.BranchId);
            return null;
        }

        var institution = await directory.GetInstitutionAsync(registration.InstitutionId, cancellationToken).ConfigureAwait(false)
            ?? new Sip2Institution { Id = registration.InstitutionId };
        IReadOnlyList<Sip2Institution> members = institution.GroupId is null
            ? Array.Empty<Sip2Institution>()
            : await directory.GetGroupMembersAsync(institution.GroupId, cancellationToken).ConfigureAwait(false);

        if (!vendors.TryGet(registration.Vendor, out var profile))
        {
            Log.UnknownVendorProfile(logger, registration.Id, registration.Vendor);
            profile = Sip2VendorProfileCatalog.Default;
        }

        return new Sip2SessionBinding
        {
            Registration = registration,
            Institution = institution,
            BranchConfiguration = configuration,
            VendorProfile = profile,
            Scope = new Sip2ResolutionScope(institution.Id, registration.ResolutionLevel, institution.GroupId, members.Select(m => m.Id)),
        };
    }
}
