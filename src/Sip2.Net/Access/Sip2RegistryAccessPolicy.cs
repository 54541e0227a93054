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
using Sip2.Net.Internal;

namespace Sip2.Net.Access;

/// <summary>
/// The default <see cref="ISip2AccessPolicy"/>, over an <see cref="ISip2ClientRegistry"/> and an
/// <see cref="ISip2LibraryDirectory"/>. Admission: no activated registration for the address refuses; exactly one
/// without a login id binds; anything else waits for a login. Login: a kiosk on an address whose sole
/// registration has no login id always succeeds; otherwise the login id (case-insensitive) selects a registration
/// of the address and its password is verified in constant time. Failures are counted per connection, per
/// address and per login id (see <see cref="Sip2AccessPolicyOptions"/>).
/// </summary>
public sealed class Sip2RegistryAccessPolicy : ISip2AccessPolicy, IDisposable
{
    private readonly ISip2ClientRegistry registry;
    private readonly ISip2LibraryDirectory directory;
    private readonly Sip2VendorProfileCatalog vendors;
    private readonly Sip2AccessPolicyOptions options;
    private readonly TimeProvider time;
    private readonly FailureThrottle<IPAddress> addresses;
    private readonly FailureThrottle<(IPAddress Address, Guid Registration)> loginIds;
    private readonly WarmCredentials warm = new();
    private readonly PasswordCheckPool checks;
    private readonly ILogger logger;
    private long typicalCheckTicks = TimeSpan.FromMilliseconds(50).Ticks; // what a full check takes here, lately

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
        time = timeProvider ?? TimeProvider.System;
        var o = this.options;
        addresses = new(time, o.MaxFailedLoginsPerAddress, o.AddressFailureWindow, o.AddressLockout, o.MaxLockout, o.LockedOutCheckInterval);
        loginIds = new(time, o.MaxFailedLoginsPerLoginId, o.LoginIdFailureWindow, o.LoginIdLockout, o.MaxLockout, o.LockedOutCheckInterval);
        checks = new PasswordCheckPool(o.MaxConcurrentPasswordChecks, o.MaxQueuedPasswordChecks);
        registry.RegistrationChanged += OnRegistrationChanged;
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

        // Rule 2 makes the match unique.
        var match = string.IsNullOrEmpty(loginId) ? null : active.FirstOrDefault(r => string.Equals(r.LoginId, loginId, StringComparison.OrdinalIgnoreCase));
        if (match?.PasswordHash is not { } hash)
        {
            return await UnknownLoginIdAsync(session, cancellationToken).ConfigureAwait(false);
        }

        // One check, reserved first so that simultaneous attempts cannot exceed the limit, and for a locked-out login
        // id only one per LockedOutCheckInterval: its kiosk is slowed down, a guesser there gets two guesses a minute.
        var key = (address, match.Id);
        var (allowed, retryAfter) = await loginIds.BeginAsync(key, cancellationToken).ConfigureAwait(false);
        if (!allowed)
        {
            Log.LoginThrottled(logger, address, retryAfter);
            return Failed(session, Sip2LoginResult.Throttled(retryAfter));
        }

        // A password this process already checked for this stored hash is decided in microseconds, right or wrong;
        // anything else is checked in full on the pool.
        var verified = warm.Check(match, password);
        if (verified is null)
        {
            var started = time.GetTimestamp();
            verified = await checks.VerifyAsync(hash, password).ConfigureAwait(false);
            if (verified is null)
            {
                loginIds.Cancel(key); // not the client's failure: the server was too busy to check
                Log.PasswordChecksFull(logger, address);
                return Failed(session, Sip2LoginResult.Throttled(TimeSpan.FromSeconds(1)));
            }

            Interlocked.Exchange(ref typicalCheckTicks, (Interlocked.Read(ref typicalCheckTicks) * 7 / 8) + (time.GetElapsedTime(started).Ticks / 8));
            if (verified.Value)
            {
                warm.Remember(match, password!);
            }
        }

        if (loginIds.End(key, verified.Value) is { } lockedUntil)
        {
            Log.LoginIdLockedOut(logger, match.Id, lockedUntil);
        }

        return verified.Value
            ? await AcceptAsync(session, match, cancellationToken).ConfigureAwait(false)
            : Failed(session, Sip2LoginResult.Refused());
    }

    /// <summary>Stops the password-check threads.</summary>
    public void Dispose()
    {
        registry.RegistrationChanged -= OnRegistrationChanged;
        checks.Dispose();
        warm.Dispose();
    }

    // A login id no registration of the address has (or one without a password): never hashed, so guessing login ids
    // costs the server nothing; answered after about the time a full check takes, so the answer's timing does not tell
    // which login ids exist. Counted against the address alone.
    private async ValueTask<Sip2LoginResult> UnknownLoginIdAsync(Sip2AccessSession session, CancellationToken cancellationToken)
    {
        if (addresses.IsLockedOut(session.RemoteAddress, out var retryAfter))
        {
            Log.LoginThrottled(logger, session.RemoteAddress, retryAfter);
            return Failed(session, Sip2LoginResult.Throttled(retryAfter));
        }

        if (addresses.RecordFailure(session.RemoteAddress) is { } lockedUntil)
        {
            Log.AddressLockedOut(logger, session.RemoteAddress, lockedUntil);
        }

        var delay = options.UnknownLoginIdDelay ?? TimeSpan.FromTicks(Interlocked.Read(ref typicalCheckTicks));
        if (delay > TimeSpan.Zero)
        {
            await TimeProviderDelay.WaitAsync(time, delay, cancellationToken).ConfigureAwait(false);
        }

        return Failed(session, Sip2LoginResult.Refused());
    }

    private Sip2LoginResult Failed(Sip2AccessSession session, Sip2LoginResult result)
    {
        var failures = session.RecordFailedLogin();
        if (failures >= options.MaxFailedLoginsPerConnection)
        {
            return TooManyFailures(session);
        }

        Log.LoginRefused(logger, session.RemoteAddress, failures);
        return result;
    }

    private void OnRegistrationChanged(object? sender, Sip2RegistrationChangedEventArgs change)
    {
        if (change.Kind is Sip2RegistrationChangeKind.Deactivated or Sip2RegistrationChangeKind.Deleted or Sip2RegistrationChangeKind.LoginChanged or Sip2RegistrationChangeKind.PasswordSet)
        {
            warm.Forget(change.Registration.Id);
        }
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
