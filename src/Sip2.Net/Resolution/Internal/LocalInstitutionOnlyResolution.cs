using System;

namespace Sip2.Net.Resolution.Internal;

/// <summary>
/// <see cref="Sip2ResolutionLevel.LocalInstitutionOnly"/>: only patrons and items of the session's own
/// institution are recognised; temporary interlibrary-loan items are not.
/// </summary>
internal sealed class LocalInstitutionOnlyResolution : IResolutionStrategy
{
    /// <summary>The shared instance; the strategy has no state.</summary>
    public static LocalInstitutionOnlyResolution Instance { get; } = new();

    /// <inheritdoc/>
    public Sip2ResolutionDecision ResolvePatron(Sip2ResolutionScope scope, string? patronInstitutionId) =>
        Check(scope, patronInstitutionId, Sip2MessageScenario.PatronOutOfScope);

    /// <inheritdoc/>
    public Sip2ResolutionDecision ResolveItem(Sip2ResolutionScope scope, string? owningInstitutionId) =>
        Check(scope, owningInstitutionId, Sip2MessageScenario.ItemOutOfScope);

    /// <inheritdoc/>
    public Sip2ResolutionDecision ResolveInterlibraryLoanItem(Sip2ResolutionScope scope, string? holdingInstitutionId)
    {
        if (scope is null)
        {
            throw new ArgumentNullException(nameof(scope));
        }

        // Interlibrary-loan items are a whole-group privilege (OCLC's model); locally they do not exist.
        return Sip2ResolutionDecision.OutOfScope(Sip2MessageScenario.ItemOutOfScope);
    }

    private static Sip2ResolutionDecision Check(Sip2ResolutionScope scope, string? institutionId, Sip2MessageScenario refusal)
    {
        if (scope is null)
        {
            throw new ArgumentNullException(nameof(scope));
        }

        return scope.IsOwnInstitution(institutionId) ? Sip2ResolutionDecision.InScope : Sip2ResolutionDecision.OutOfScope(refusal);
    }
}
