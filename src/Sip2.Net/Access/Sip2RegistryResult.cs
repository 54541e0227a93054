using System;

namespace Sip2.Net.Access;

/// <summary>
/// The outcome of a registry operation: the registration as stored afterwards, or the error that refused it
/// (in which case the registry is unchanged). Registry operations report refusals this way rather than by
/// throwing, because bad input from an administrator is expected; <see cref="GetValueOrThrow"/> turns a
/// refusal into a <see cref="Sip2RegistryException"/> for callers that prefer exceptions.
/// </summary>
public sealed class Sip2RegistryResult
{
    private Sip2RegistryResult(Sip2ClientRegistration? registration, Sip2RegistryError? error, Sip2RegistrationChangeKind? change)
    {
        Registration = registration;
        Error = error;
        Change = change;
    }

    /// <summary>Whether the operation was applied.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Registration))]
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    /// <summary>The registration after the operation (for a deletion, the one deleted); null when refused.</summary>
    public Sip2ClientRegistration? Registration { get; }

    /// <summary>Why the operation was refused; null when it succeeded.</summary>
    public Sip2RegistryError? Error { get; }

    /// <summary>What the operation changed; null for a refusal or an operation that changed nothing (for example activating an activated registration).</summary>
    public Sip2RegistrationChangeKind? Change { get; }

    /// <summary>A success carrying <paramref name="registration"/>, that changed nothing.</summary>
    public static Sip2RegistryResult Success(Sip2ClientRegistration registration) =>
        new(registration ?? throw new ArgumentNullException(nameof(registration)), null, null);

    /// <summary>A success that stored <paramref name="registration"/> with the change <paramref name="change"/>.</summary>
    public static Sip2RegistryResult Success(Sip2ClientRegistration registration, Sip2RegistrationChangeKind change) =>
        new(registration ?? throw new ArgumentNullException(nameof(registration)), null, change);

    /// <summary>A refusal carrying <paramref name="error"/>.</summary>
    public static Sip2RegistryResult Failure(Sip2RegistryError error) =>
        new(null, error ?? throw new ArgumentNullException(nameof(error)), null);

    /// <summary>A refusal for <paramref name="rule"/> on <paramref name="field"/>.</summary>
    public static Sip2RegistryResult Failure(Sip2RegistryRule rule, string field, string message) => Failure(new Sip2RegistryError(rule, field, message));

    /// <summary>The registration, or a <see cref="Sip2RegistryException"/> when the operation was refused.</summary>
    /// <exception cref="Sip2RegistryException">The operation was refused.</exception>
    public Sip2ClientRegistration GetValueOrThrow() => Succeeded ? Registration : throw new Sip2RegistryException(Error);

    /// <inheritdoc/>
    public override string ToString() => Succeeded ? $"Succeeded: {Registration.Id}" : $"Refused: {Error}";
}
