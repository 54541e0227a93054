using Sip2.Net.Encodings;
using Sip2.Net.Resolution;
using Sip2.Net.Vendors;

namespace Sip2.Net.Access;

/// <summary>
/// What a session is bound to: an immutable snapshot of the registration and everything the server needs to
/// serve it. Changes to the registration reach a connection only when it binds again (its next successful
/// login, or its next connection).
/// </summary>
public sealed record Sip2SessionBinding
{
    /// <summary>The registration, as it was when the session was bound.</summary>
    public required Sip2ClientRegistration Registration { get; init; }

    /// <summary>The registration's institution.</summary>
    public required Sip2Institution Institution { get; init; }

    /// <summary>The SIP2 configuration of the registration's branch: the 98 answer, supported messages, personal-data and sort-bin switches.</summary>
    public required Sip2BranchConfiguration BranchConfiguration { get; init; }

    /// <summary>The vendor profile the registration names (<see cref="Sip2VendorProfileCatalog.Default"/> when the name is unknown).</summary>
    public required Sip2VendorProfile VendorProfile { get; init; }

    /// <summary>Which patrons and items the session may see; hand it to the <see cref="IResolutionStrategy"/>.</summary>
    public required Sip2ResolutionScope Scope { get; init; }

    /// <summary>The encoding of the session's messages.</summary>
    public Sip2Encoding Encoding => Sip2Encoding.Get(Registration.Encoding);
}
