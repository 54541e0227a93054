namespace Sip2.Net.Resolution;

/// <summary>
/// Decides whether a patron or an item a request names is in a session's scope. The server asks before it
/// hands a request to the back end and answers an out-of-scope request with the message's normal failure
/// response and the decision's scenario text (AF). Implementations must be thread-safe and must not throw
/// for unknown institutions: an unknown institution is simply out of scope.
/// </summary>
public interface IResolutionStrategy
{
    /// <summary>Whether a patron registered at <paramref name="patronInstitutionId"/> may use the service in this scope.</summary>
    /// <param name="scope">The session's scope.</param>
    /// <param name="patronInstitutionId">The patron's home institution, as the back end reports it; null or empty when unknown.</param>
    Sip2ResolutionDecision ResolvePatron(Sip2ResolutionScope scope, string? patronInstitutionId);

    /// <summary>Whether an item owned by <paramref name="owningInstitutionId"/> may be viewed, checked out, checked in or renewed in this scope.</summary>
    /// <param name="scope">The session's scope.</param>
    /// <param name="owningInstitutionId">The item's owning institution; null or empty when unknown.</param>
    Sip2ResolutionDecision ResolveItem(Sip2ResolutionScope scope, string? owningInstitutionId);

    /// <summary>Whether a temporary item created for interlibrary loan, held by <paramref name="holdingInstitutionId"/>, may be used in this scope.</summary>
    /// <param name="scope">The session's scope.</param>
    /// <param name="holdingInstitutionId">The institution that created and holds the temporary item; null or empty when unknown.</param>
    Sip2ResolutionDecision ResolveInterlibraryLoanItem(Sip2ResolutionScope scope, string? holdingInstitutionId);
}
