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
