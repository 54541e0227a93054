using System;

namespace Sip2.Net.Access;

/// <summary>
/// Brute-force protection of <see cref="Sip2RegistryAccessPolicy"/>: failed logins are counted per connection,
/// per address and per login id, each with its own limit. (Whether SC Status may be answered before
/// a login is the server's option, not the policy's.)
/// </summary>
public sealed record Sip2AccessPolicyOptions
{
    /// <summary>Failed logins after which a connection is closed. Default: 3.</summary>
    public int MaxFailedLoginsPerConnection { get; init; } = 3;

    /// <summary>
    /// Failed logins from one address, over all its connections, within <see cref="AddressFailureWindow"/> that
    /// lock the address out for <see cref="AddressLockout"/>. Default: 10.
    /// </summary>
    public int MaxFailedLoginsPerAddress { get; init; } = 10;

    /// <summary>How long a failed login counts against its address. Default: 5 minutes.</summary>
    public TimeSpan AddressFailureWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a locked-out address has every login refused unchecked. Default: 15 minutes.</summary>
    public TimeSpan AddressLockout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Failed logins naming one login id (compared case-insensitively), from any address, within
    /// <see cref="LoginIdFailureWindow"/> that lock the login id out for <see cref="LoginIdLockout"/>: a guesser
    /// spreading over several registered addresses still meets a limit. A successful login with the login id
    /// clears its count. Default: 5.
    /// </summary>
    public int MaxFailedLoginsPerLoginId { get; init; } = 5;

    /// <summary>How long a failed login counts against the login id it named. Default: 15 minutes.</summary>
    public TimeSpan LoginIdFailureWindow { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a locked-out login id has every login refused unchecked. Default: 15 minutes.</summary>
    public TimeSpan LoginIdLockout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The longest lockout. An address or login id locked out again within its failure window after its last
    /// lockout ended gets twice the previous lockout, up to this. Default: 4 hours.
    /// </summary>
    public TimeSpan MaxLockout { get; init; } = TimeSpan.FromHours(4);

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

        if (MaxLockout < AddressLockout || MaxLockout < LoginIdLockout)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLockout), MaxLockout, "At least the address and login id lockouts.");
        }
    }
}
