using System;

namespace Sip2.Net.Access;

/// <summary>What changed in a <see cref="ISip2ClientRegistry.RegistrationChanged"/> event.</summary>
public enum Sip2RegistrationChangeKind
{
    /// <summary>A registration was created.</summary>
    Created = 0,
    /// <summary>Settings changed (description, institution, branch, vendor, encoding, resolution level).</summary>
    Updated = 1,
    /// <summary>The registration was activated.</summary>
    Activated = 2,
    /// <summary>The registration was deactivated: sessions bound to it should end at once.</summary>
    Deactivated = 3,
    /// <summary>The registration was deleted: sessions bound to it should end at once.</summary>
    Deleted = 4,
    /// <summary>The login id changed or was removed (and with it the password, unless a new one was given).</summary>
    LoginChanged = 5,
    /// <summary>A new password was set.</summary>
    PasswordSet = 6,
}

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
