using System;
using System.Collections.Generic;

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
        foreach (var (name, value, expectation) in Problems())
        {
            throw new ArgumentOutOfRangeException(name, value, expectation);
        }
    }

    // Every bad value as (property, value, what it must be): Validate throws the first, configuration binding reports
    // them all under their configuration keys.
    internal IEnumerable<(string Name, object Value, string Expectation)> Problems()
    {
        const string AtLeastOne = "At least 1.";
        const string Positive = "Must be positive.";
        var checks = new (bool Ok, string Name, object Value, string Expectation)[]
        {
            (MaxFailedLoginsPerConnection >= 1, nameof(MaxFailedLoginsPerConnection), MaxFailedLoginsPerConnection, AtLeastOne),
            (MaxFailedLoginsPerAddress >= 1, nameof(MaxFailedLoginsPerAddress), MaxFailedLoginsPerAddress, AtLeastOne),
            (AddressFailureWindow > TimeSpan.Zero, nameof(AddressFailureWindow), AddressFailureWindow, Positive),
            (AddressLockout > TimeSpan.Zero, nameof(AddressLockout), AddressLockout, Positive),
            (MaxFailedLoginsPerLoginId >= 1, nameof(MaxFailedLoginsPerLoginId), MaxFailedLoginsPerLoginId, AtLeastOne),
            (LoginIdFailureWindow > TimeSpan.Zero, nameof(LoginIdFailureWindow), LoginIdFailureWindow, Positive),
            (LoginIdLockout > TimeSpan.Zero, nameof(LoginIdLockout), LoginIdLockout, Positive),
            (LockedOutCheckInterval > TimeSpan.Zero, nameof(LockedOutCheckInterval), LockedOutCheckInterval, Positive),
            (MaxConcurrentPasswordChecks >= 1, nameof(MaxConcurrentPasswordChecks), MaxConcurrentPasswordChecks, AtLeastOne),
            (MaxQueuedPasswordChecks >= 1, nameof(MaxQueuedPasswordChecks), MaxQueuedPasswordChecks, AtLeastOne),
            (UnknownLoginIdDelay is null || UnknownLoginIdDelay >= TimeSpan.Zero, nameof(UnknownLoginIdDelay), UnknownLoginIdDelay ?? TimeSpan.Zero, "Zero or more, or null."),
            (MaxLockout >= AddressLockout && MaxLockout >= LoginIdLockout, nameof(MaxLockout), MaxLockout, "At least the address and login id lockouts."),
        };
        foreach (var (ok, name, value, expectation) in checks)
        {
            if (!ok)
            {
                yield return (name, value, expectation);
            }
        }
    }
}
