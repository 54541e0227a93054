using System;

namespace Sip2.Net.Access;

/// <summary>
/// Brute-force protection of <see cref="Sip2RegistryAccessPolicy"/>. (Whether SC Status may be answered before
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
    }
}
