using System;

namespace Sip2.Net.Resolution.Internal;

/// <summary>
/// <see cref="Sip2ResolutionLevel.WholeGroup"/>: patrons and items of any institution in the session
/// institution's group, and temporary interlibrary-loan items held by any member.
/// </summary>
internal sealed class WholeGroupResolution : IResolutionStrategy
{
    /// <summary>The shared instance; the strategy has no state.</summary>
    public static WholeGroupResolution Instance { get; } = new();

    /// <inheritdoc/>
    public Sip2ResolutionDecision ResolvePatron(Sip2ResolutionScope scope, string? patronInstitutionId) =>
        Check(scope, patronInstitutionId, Sip2MessageScenario.PatronOutOfScope);

    /// <inheritdoc/>
    public Sip2ResolutionDecision ResolveItem(Sip2ResolutionScope scope, string? owningInstitutionId) =>
        Check(scope, owningInstitutionId, Sip2MessageScenario.ItemOutOfScope);

    /// <inheritdoc/>
    public Sip2ResolutionDecision ResolveInterlibraryLoanItem(Sip2ResolutionScope scope, string? holdingInstitutionId) =>
        Check(scope, holdingInstitutionId, Sip2MessageScenario.ItemOutOfScope);

    private static Sip2ResolutionDecision Check(Sip2ResolutionScope scope, string? institutionId, Sip2MessageScenario refusal)
    {
        if (scope is null)
        {
            throw new ArgumentNullException(nameof(scope));
        }

        return scope.IsGroupMember(institutionId) ? Sip2ResolutionDecision.InScope : Sip2ResolutionDecision.OutOfScope(refusal);
    }
}
