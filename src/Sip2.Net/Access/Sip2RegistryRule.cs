namespace Sip2.Net.Access;

/// <summary>The rule a refused registry operation would have broken. The first three are the model's registry rules.</summary>
public enum Sip2RegistryRule
{
    /// <summary>
    /// Rule 1: an address may appear in several registrations only if every one of them has a login id and a
    /// password; a registration without a login id is the only one for its address.
    /// </summary>
    SharedAddressRequiresCredentials = 1,
    /// <summary>Rule 2: within one address, login ids are unique, compared case-insensitively.</summary>
    LoginIdUniquePerAddress = 2,
    /// <summary>Rule 3: a login id may be removed only where rule 1 still holds afterwards (the address is not shared).</summary>
    LoginIdRemovalBreaksSharing = 3,
    /// <summary>The address of a stored registration cannot change: delete it and create a new one.</summary>
    IPAddressImmutable = 10,
    /// <summary>The address can never be registered: unspecified, broadcast or multicast.</summary>
    InvalidIPAddress = 11,
    /// <summary>A loopback, private or link-local address, which the registry's options do not allow.</summary>
    IPAddressNotAllowed = 12,
    /// <summary>The branch has no SIP2 configuration (or the institution or branch is missing).</summary>
    BranchWithoutConfiguration = 13,
    /// <summary>A password belongs to a login id; a registration without one cannot have a password.</summary>
    PasswordRequiresLoginId = 14,
    /// <summary>The vendor profile is not known to the registry's vendor catalogue.</summary>
    UnknownVendor = 15,
    /// <summary>A value is malformed: empty where required, too long, or with characters SIP2 cannot carry.</summary>
    InvalidValue = 16,
    /// <summary>No registration has that id.</summary>
    NotFound = 17,
    /// <summary>A registration with that id already exists.</summary>
    DuplicateId = 18,
    /// <summary>
    /// <see cref="ISip2ClientRegistry.UpdateAsync"/> cannot change this field; it has its own operation
    /// (login id, password, activation).
    /// </summary>
    DedicatedOperationRequired = 19,
    /// <summary>The group an institution names does not exist.</summary>
    UnknownGroup = 20,
    /// <summary>The institution a branch configuration, a custom message or a registration names does not exist.</summary>
    UnknownInstitution = 21,
    /// <summary>
    /// The entry cannot be deleted while others refer to it: a group with institutions, an institution with branch
    /// configurations or registrations, a branch configuration with registrations.
    /// </summary>
    StillReferenced = 22,
}
