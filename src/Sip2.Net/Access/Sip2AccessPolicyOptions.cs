using System;

namespace Sip2.Net.Access;

/// <summary>
/// Brute-force protection and password checking of <see cref="Sip2RegistryAccessPolicy"/>: failed logins are counted
/// per connection, per address (unknown login ids) and per login id at its address (wrong passwords), each with its own
/// limit; full password checks run on a bounded pool. (Whether SC Status may be answered before
/// a login is the server's option, not the policy's.)
/// </summary>
public sealed record Sip2AccessPolicyOptions
{
    /// <summary>Failed logins after which a connection is closed. Default: 3.</summary>
    public int MaxFailedLoginsPerConnection { get; init; } = 3;

    /// <summary>
    /// Logins from one address naming a login id that no registration of that address has, within
    /// <see cref="AddressFailureWindow"/>, that lock the address out for <see cref="AddressLockout"/>: such logins are
    /// then refused unchecked. Registrations of the address with the right password are never refused for it. Default: 10.
    /// </summary>
    public int MaxFailedLoginsPerAddress { get; init; } = 10;

    /// <summary>How long a login with an unknown login id counts against its address. Default: 5 minutes.</summary>
    public TimeSpan AddressFailureWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a locked-out address has its logins with unknown login ids refused unchecked. Default: 15 minutes.</summary>
    public TimeSpan AddressLockout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Wrong passwords for one registration's login id from one address, within <see cref="LoginIdFailureWindow"/>,
    /// that lock that login id out at that address for <see cref="LoginIdLockout"/>. Failures at other addresses never
    /// count, so nobody elsewhere can lock a kiosk out; and a locked-out login id still gets one check every
    /// <see cref="LockedOutCheckInterval"/>, so its own kiosk gets back in, slowly, even while someone at its address
    /// keeps guessing. A successful login clears the count. Default: 5.
    /// </summary>
    public int MaxFailedLoginsPerLoginId { get; init; } = 5;

    /// <summary>How long a wrong password counts against its login id at its address. Default: 15 minutes.</summary>
    public TimeSpan LoginIdFailureWindow { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a locked-out login id has its logins at that address refused unchecked, but for one check per interval. Default: 15 minutes.</summary>
    public TimeSpan LoginIdLockout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How often a locked-out login id still gets its password checked (the rest are refused unchecked). Default: 30 seconds.</summary>
    public TimeSpan LockedOutCheckInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest lockout. An address or login id locked out again within its failure window after its last
    /// lockout ended gets twice the previous lockout, up to this. Default: 4 hours.
    /// </summary>
    public TimeSpan MaxLockout { get; init; } = TimeSpan.FromHours(4);

    /// <summary>
    /// Full password checks (PBKDF2) that run at once, on threads of their own, off every connection's request path.
    /// A repeat login with a password already checked in this process costs no full check. Default: the processor count.
    /// </summary>
    public int MaxConcurrentPasswordChecks { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// How long a login naming a login id the address does not have waits for its 940: never hashed (so guessing login
    /// ids costs the server nothing), it is answered after about as long as a full check takes, so that the timing does
    /// not tell which login ids exist. Null (the default): the recent average of full checks. <see cref="TimeSpan.Zero"/>:
    /// at once.
    /// </summary>
    public TimeSpan? UnknownLoginIdDelay { get; init; }

    /// <summary>Full password checks waiting their turn at most; a login past it is refused (940) at once. Default: 10,000.</summary>
    public int MaxQueuedPasswordChecks { get; init; } = 10_000;

    /// <summary>Throws when a value is out of range; the policy calls it when created.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is below 1 or a duration is not positive.</exception>
    public void Validate()
    {
        if (MaxFailedLoginsPerConnection < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFailedLoginsPerConnection), MaxFailedLoginsPerConnection, "At least 1.");
        }

        if (MaxFailedLoginsPerAddress < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFailedLoginsPerAddress), MaxFailedLoginsPerAddress, "At least 1.");
        }

        if (AddressFailureWindow <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(AddressFailureWindow), AddressFailureWindow, "Must be positive.");
        }

        if (AddressLockout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(AddressLockout), AddressLockout, "Must be positive.");
        }

        if (MaxFailedLoginsPerLoginId < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFailedLoginsPerLoginId), MaxFailedLoginsPerLoginId, "At least 1.");
        }

        if (LoginIdFailureWindow <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(LoginIdFailureWindow), LoginIdFailureWindow, "Must be positive.");
        }

        if (LoginIdLockout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(LoginIdLockout), LoginIdLockout, "Must be positive.");
        }

        if (LockedOutCheckInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(LockedOutCheckInterval), LockedOutCheckInterval, "Must be positive.");
        }

        if (MaxConcurrentPasswordChecks < 1 || MaxQueuedPasswordChecks < 1)
        {
            throw new ArgumentOutOfRangeException(MaxConcurrentPasswordChecks < 1 ? nameof(MaxConcurrentPasswordChecks) : nameof(MaxQueuedPasswordChecks), "At least 1.");
        }

        if (MaxLockout < AddressLockout || MaxLockout < LoginIdLockout)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLockout), MaxLockout, "At least the address and login id lockouts.");
        }
    }
}
