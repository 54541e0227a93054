using System;
using System.Net;
using Sip2.Net.Encodings;
using Sip2.Net.Resolution;
using Sip2.Net.Vendors;

namespace Sip2.Net.Access;

/// <summary>
/// A registered self-check client (OCLC's "SIP2 IP address" record): the address it connects from, optional
/// credentials, and the institution, branch and settings its sessions get. An immutable snapshot: the registry
/// returns a new one after every change, and a session keeps the one it was bound with. The password exists
/// only as a salted hash (<see cref="PasswordHash"/>), which <see cref="object.ToString"/> does not reveal.
/// </summary>
public sealed record Sip2ClientRegistration
{
    /// <summary>The registration's id. <see cref="Guid.Empty"/> on a new registration asks the registry to assign one.</summary>
    public Guid Id { get; init; }

    /// <summary>
    /// The single address the client connects from. Required. Stored normalised: an IPv4-mapped IPv6 address
    /// as its IPv4 address, an IPv6 address without its scope id. Cannot be changed once stored.
    /// </summary>
    public required IPAddress IPAddress { get; init; }

    /// <summary>The login id (CN) that selects this registration in a Login (93); null when the client does not log in.</summary>
    public string? LoginId { get; init; }

    /// <summary>The hash of the password belonging to <see cref="LoginId"/>; null when none is set (the registration cannot authenticate).</summary>
    public Sip2PasswordHash? PasswordHash { get; init; }

    /// <summary>Free text for administrators.</summary>
    public string? Description { get; init; }

    /// <summary>The institution (AO) the client serves. Required.</summary>
    public required string InstitutionId { get; init; }

    /// <summary>The branch the client stands in; it must have a <see cref="Sip2BranchConfiguration"/>. Required.</summary>
    public required string BranchId { get; init; }

    /// <summary>The name of the client's vendor profile (see <see cref="Sip2VendorProfileCatalog"/>). Default: <c>Default</c>.</summary>
    public string Vendor { get; init; } = "Default";

    /// <summary>The character encoding of the client's messages. Default: IBM850, the standard's.</summary>
    public Sip2CharacterEncoding Encoding { get; init; } = Sip2CharacterEncoding.Ibm850;

    /// <summary>Which patrons and items the client's sessions may see. Default: the own institution only.</summary>
    public Sip2ResolutionLevel ResolutionLevel { get; init; } = Sip2ResolutionLevel.LocalInstitutionOnly;

    /// <summary>Whether the registration admits connections. Default: true.</summary>
    public bool Activated { get; init; } = true;

    /// <summary>Whether the registration has both a login id and a password, so a Login (93) can select it.</summary>
    public bool HasCredentials => LoginId is not null && PasswordHash is not null;
}
