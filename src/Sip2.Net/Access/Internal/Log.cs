using System;
using System.Net;
using Microsoft.Extensions.Logging;

namespace Sip2.Net.Access.Internal;

/// <summary>
/// The access area's log messages. Event ids are fixed (2000-2099 registry, 2100-2199 policy) so operators can
/// filter and alert on them. Nothing here takes a password, and failed logins do not log the login id a client
/// sent (it may be a mistyped password).
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Client registration {RegistrationId} for {Address}: {Kind}")]
    public static partial void RegistrationChanged(ILogger logger, Sip2RegistrationChangeKind kind, Guid registrationId, IPAddress address);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Registry operation refused: rule {Rule}, field {Field}")]
    public static partial void RegistryOperationRefused(ILogger logger, Sip2RegistryRule rule, string field);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "A RegistrationChanged handler failed for {Kind} of registration {RegistrationId}")]
    public static partial void RegistrationChangedHandlerFailed(ILogger logger, Exception exception, Sip2RegistrationChangeKind kind, Guid registrationId);

    [LoggerMessage(EventId = 2100, Level = LogLevel.Debug, Message = "Connection from {Address} refused: no activated client registration")]
    public static partial void AdmissionRefused(ILogger logger, IPAddress address);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Connection from {Address} bound to registration {RegistrationId}")]
    public static partial void AdmissionBound(ILogger logger, IPAddress address, Guid registrationId);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Debug, Message = "Connection from {Address} waits for a login ({Count} registrations)")]
    public static partial void AdmissionAwaitingLogin(ILogger logger, IPAddress address, int count);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "Registration {RegistrationId} cannot be bound: branch {BranchId} of {InstitutionId} has no SIP2 configuration")]
    public static partial void ConfigurationMissing(ILogger logger, Guid registrationId, string institutionId, string branchId);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "Registration {RegistrationId} names unknown vendor profile {Vendor}; the Default profile is used")]
    public static partial void UnknownVendorProfile(ILogger logger, Guid registrationId, string vendor);

    [LoggerMessage(EventId = 2110, Level = LogLevel.Information, Message = "Login from {Address} accepted for registration {RegistrationId}")]
    public static partial void LoginAccepted(ILogger logger, IPAddress address, Guid registrationId);

    [LoggerMessage(EventId = 2111, Level = LogLevel.Warning, Message = "Login from {Address} refused ({Failures} failures on this connection)")]
    public static partial void LoginRefused(ILogger logger, IPAddress address, int failures);

    [LoggerMessage(EventId = 2112, Level = LogLevel.Warning, Message = "Login from {Address} refused without checking: the address or the login id is locked out for {RetryAfter}")]
    public static partial void LoginThrottled(ILogger logger, IPAddress address, TimeSpan retryAfter);

    [LoggerMessage(EventId = 2113, Level = LogLevel.Warning, Message = "Connection from {Address} failed {Failures} logins; it should be closed")]
    public static partial void TooManyFailedLogins(ILogger logger, IPAddress address, int failures);

    [LoggerMessage(EventId = 2114, Level = LogLevel.Warning, Message = "Address {Address} locked out until {Until} after repeated failed logins")]
    public static partial void AddressLockedOut(ILogger logger, IPAddress address, DateTimeOffset until);

    // The login id itself is not logged: a kiosk operator may have typed a password into it.
    [LoggerMessage(EventId = 2115, Level = LogLevel.Warning, Message = "The login id of registration {RegistrationId} locked out at its address until {Until} after repeated wrong passwords")]
    public static partial void LoginIdLockedOut(ILogger logger, Guid registrationId, DateTimeOffset until);

    [LoggerMessage(EventId = 2116, Level = LogLevel.Warning, Message = "Login from {Address} refused unchecked: the password checks waiting are at their maximum")]
    public static partial void PasswordChecksFull(ILogger logger, IPAddress address);
}
