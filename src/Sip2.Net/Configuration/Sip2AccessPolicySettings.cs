using System;
using Sip2.Net.Access;

namespace Sip2.Net.Configuration;

/// <summary>
/// The <c>AccessPolicy</c> part of <see cref="Sip2ServerSettings"/>: <see cref="Sip2AccessPolicyOptions"/> in
/// configuration. Every property left unset keeps the option's default.
/// </summary>
public sealed class Sip2AccessPolicySettings
{
    /// <inheritdoc cref="Sip2AccessPolicyOptions.MaxFailedLoginsPerConnection"/>
    public int? MaxFailedLoginsPerConnection { get; set; }

    /// <inheritdoc cref="Sip2AccessPolicyOptions.MaxFailedLoginsPerAddress"/>
    public int? MaxFailedLoginsPerAddress { get; set; }

    /// <inheritdoc cref="Sip2AccessPolicyOptions.AddressFailureWindow"/>
    public TimeSpan? AddressFailureWindow { get; set; }

    /// <inheritdoc cref="Sip2AccessPolicyOptions.AddressLockout"/>
    public TimeSpan? AddressLockout { get; set; }

    /// <inheritdoc cref="Sip2AccessPolicyOptions.MaxFailedLoginsPerLoginId"/>
    public int? MaxFailedLoginsPerLoginId { get; set; }

    /// <inheritdoc cref="Sip2AccessPolicyOptions.LoginIdFailureWindow"/>
    public TimeSpan? LoginIdFailureWindow { get; set; }

    /// <inheritdoc cref="Sip2AccessPolicyOptions.LoginIdLockout"/>
    public TimeSpan? LoginIdLockout { get; set; }

    /// <inheritdoc cref="Sip2AccessPolicyOptions.LockedOutCheckInterval"/>
    public TimeSpan? LockedOutCheckInterval { get; set; }

    /// <inheritdoc cref="Sip2AccessPolicyOptions.MaxLockout"/>
    public TimeSpan? MaxLockout { get; set; }

    /// <inheritdoc cref="Sip2AccessPolicyOptions.MaxConcurrentPasswordChecks"/>
    public int? MaxConcurrentPasswordChecks { get; set; }

    /// <inheritdoc cref="Sip2AccessPolicyOptions.UnknownLoginIdDelay"/>
    public TimeSpan? UnknownLoginIdDelay { get; set; }

    /// <inheritdoc cref="Sip2AccessPolicyOptions.MaxQueuedPasswordChecks"/>
    public int? MaxQueuedPasswordChecks { get; set; }

    /// <summary>The access policy options these settings describe, the defaults where a setting is unset (not validated).</summary>
    public Sip2AccessPolicyOptions ToOptions()
    {
        var d = new Sip2AccessPolicyOptions();
        return d with
        {
            MaxFailedLoginsPerConnection = MaxFailedLoginsPerConnection ?? d.MaxFailedLoginsPerConnection,
            MaxFailedLoginsPerAddress = MaxFailedLoginsPerAddress ?? d.MaxFailedLoginsPerAddress,
            AddressFailureWindow = AddressFailureWindow ?? d.AddressFailureWindow,
            AddressLockout = AddressLockout ?? d.AddressLockout,
            MaxFailedLoginsPerLoginId = MaxFailedLoginsPerLoginId ?? d.MaxFailedLoginsPerLoginId,
            LoginIdFailureWindow = LoginIdFailureWindow ?? d.LoginIdFailureWindow,
            LoginIdLockout = LoginIdLockout ?? d.LoginIdLockout,
            LockedOutCheckInterval = LockedOutCheckInterval ?? d.LockedOutCheckInterval,
            MaxLockout = MaxLockout ?? d.MaxLockout,
            MaxConcurrentPasswordChecks = MaxConcurrentPasswordChecks ?? d.MaxConcurrentPasswordChecks,
            UnknownLoginIdDelay = UnknownLoginIdDelay ?? d.UnknownLoginIdDelay,
            MaxQueuedPasswordChecks = MaxQueuedPasswordChecks ?? d.MaxQueuedPasswordChecks,
        };
    }
}
