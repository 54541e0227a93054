using System;

namespace Sip2.Net.Access;

/// <summary>A change to a registration, raised by the registry after the change is stored.</summary>
public sealed class Sip2RegistrationChangedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    public Sip2RegistrationChangedEventArgs(Sip2RegistrationChangeKind kind, Sip2ClientRegistration registration, Sip2ClientRegistration? previous)
    {
        Kind = kind;
        Registration = registration ?? throw new ArgumentNullException(nameof(registration));
        Previous = previous;
    }

    /// <summary>What changed.</summary>
    public Sip2RegistrationChangeKind Kind { get; }

    /// <summary>The registration after the change; for <see cref="Sip2RegistrationChangeKind.Deleted"/>, the one deleted.</summary>
    public Sip2ClientRegistration Registration { get; }

    /// <summary>The registration before the change; null for <see cref="Sip2RegistrationChangeKind.Created"/>.</summary>
    public Sip2ClientRegistration? Previous { get; }
}
