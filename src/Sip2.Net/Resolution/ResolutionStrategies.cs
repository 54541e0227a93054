using System;
using System.Collections.Generic;

namespace Sip2.Net.Resolution;

/// <summary>
/// <see cref="Sip2ResolutionLevel.LocalInstitutionOnly"/>: only patrons and items of the session's own
/// institution are recognised; temporary interlibrary-loan items are not.
/// </summary>
public sealed class LocalInstitutionOnlyResolution : IResolutionStrategy
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

/// <summary>
/// <see cref="Sip2ResolutionLevel.WholeGroup"/>: patrons and items of any institution in the session
/// institution's group, and temporary interlibrary-loan items held by any member.
/// </summary>
public sealed class WholeGroupResolution : IResolutionStrategy
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

/// <summary>
/// The default strategy: picks the strategy for each scope's <see cref="Sip2ResolutionScope.Level"/>, so
/// every registration gets the level an administrator chose for it. Integrators can replace the strategy
/// of a level (or supply a whole <see cref="IResolutionStrategy"/> of their own).
/// </summary>
public sealed class ResolutionLevelSelector : IResolutionStrategy
{
    private readonly Dictionary<Sip2ResolutionLevel, IResolutionStrategy> strategies;

    /// <summary>Creates a selector with the built-in strategies, replacing those given in <paramref name="overrides"/>.</summary>
    /// <param name="overrides">Strategies to use instead of the built-in one for a level; null for none.</param>
    public ResolutionLevelSelector(IReadOnlyDictionary<Sip2ResolutionLevel, IResolutionStrategy>? overrides = null)
    {
        strategies = new Dictionary<Sip2ResolutionLevel, IResolutionStrategy>
        {
            [Sip2ResolutionLevel.LocalInstitutionOnly] = LocalInstitutionOnlyResolution.Instance,
            [Sip2ResolutionLevel.WholeGroup] = WholeGroupResolution.Instance,
        };

        if (overrides is not null)
        {
            foreach (var pair in overrides)
            {
                strategies[pair.Key] = pair.Value ?? throw new ArgumentException($"The strategy for {pair.Key} is null.", nameof(overrides));
            }
        }
    }

    /// <summary>A selector with only the built-in strategies.</summary>
    public static ResolutionLevelSelector Default { get; } = new();

    /// <summary>The strategy used for <paramref name="level"/>; an unknown level gets the strictest, <see cref="LocalInstitutionOnlyResolution"/>.</summary>
    public IResolutionStrategy For(Sip2ResolutionLevel level) =>
        strategies.TryGetValue(level, out var strategy) ? strategy : LocalInstitutionOnlyResolution.Instance;

    /// <inheritdoc/>
    public Sip2ResolutionDecision ResolvePatron(Sip2ResolutionScope scope, string? patronInstitutionId) =>
        For(NotNull(scope).Level).ResolvePatron(scope, patronInstitutionId);

    /// <inheritdoc/>
    public Sip2ResolutionDecision ResolveItem(Sip2ResolutionScope scope, string? owningInstitutionId) =>
        For(NotNull(scope).Level).ResolveItem(scope, owningInstitutionId);

    /// <inheritdoc/>
    public Sip2ResolutionDecision ResolveInterlibraryLoanItem(Sip2ResolutionScope scope, string? holdingInstitutionId) =>
        For(NotNull(scope).Level).ResolveInterlibraryLoanItem(scope, holdingInstitutionId);

    private static Sip2ResolutionScope NotNull(Sip2ResolutionScope scope) => scope ?? throw new ArgumentNullException(nameof(scope));
}
