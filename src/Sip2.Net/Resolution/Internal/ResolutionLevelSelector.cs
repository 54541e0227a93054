using System;
using System.Collections.Generic;

namespace Sip2.Net.Resolution.Internal;

/// <summary>
/// The default strategy: picks the strategy for each scope's <see cref="Sip2ResolutionScope.Level"/>, so
/// every registration gets the level an administrator chose for it. Integrators can replace the strategy
/// of a level (or supply a whole <see cref="IResolutionStrategy"/> of their own).
/// </summary>
internal sealed class ResolutionLevelSelector : IResolutionStrategy
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
