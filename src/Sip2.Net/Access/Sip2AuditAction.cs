namespace Sip2.Net.Access;

/// <summary>What an <see cref="Sip2AuditEntry"/> records. Values are stable: stores persist them.</summary>
public enum Sip2AuditAction
{
    /// <summary>A client registration was created.</summary>
    RegistrationCreated = 1,
    /// <summary>A registration's settings changed (description, institution, branch, vendor, encoding, resolution level).</summary>
    RegistrationUpdated = 2,
    /// <summary>A registration was activated.</summary>
    RegistrationActivated = 3,
    /// <summary>A registration was deactivated.</summary>
    RegistrationDeactivated = 4,
    /// <summary>A registration was deleted.</summary>
    RegistrationDeleted = 5,
    /// <summary>A registration's login id was set, changed or removed (which clears its password unless a new one came with it).</summary>
    RegistrationLoginChanged = 6,
    /// <summary>A registration's password was set (the entry never holds the password or its hash).</summary>
    RegistrationPasswordSet = 7,
    /// <summary>A group was added or changed.</summary>
    GroupSaved = 10,
    /// <summary>A group was deleted.</summary>
    GroupDeleted = 11,
    /// <summary>An institution was added or changed.</summary>
    InstitutionSaved = 20,
    /// <summary>An institution was deleted.</summary>
    InstitutionDeleted = 21,
    /// <summary>A branch's SIP2 configuration was added or changed.</summary>
    BranchConfigurationSaved = 30,
    /// <summary>A branch's SIP2 configuration was deleted.</summary>
    BranchConfigurationDeleted = 31,
    /// <summary>An institution's custom text for a scenario was set.</summary>
    MessageOverrideSet = 40,
    /// <summary>An institution's custom text for a scenario was removed.</summary>
    MessageOverrideRemoved = 41,
}
