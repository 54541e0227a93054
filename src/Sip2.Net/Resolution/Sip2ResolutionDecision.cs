namespace Sip2.Net.Resolution;

/// <summary>The answer of an <see cref="IResolutionStrategy"/>: in scope, or out of scope with the scenario to answer with.</summary>
public readonly record struct Sip2ResolutionDecision
{
    private Sip2ResolutionDecision(bool isInScope, Sip2MessageScenario? scenario)
    {
        IsInScope = isInScope;
        Scenario = scenario;
    }

    /// <summary>A decision that lets the request through.</summary>
    public static Sip2ResolutionDecision InScope { get; } = new(true, null);

    /// <summary>Whether the patron or item may be used.</summary>
    public bool IsInScope { get; }

    /// <summary>For a refusal, the scenario whose text the server sends as the screen message (AF); null when in scope.</summary>
    public Sip2MessageScenario? Scenario { get; }

    /// <summary>A refusal carrying <paramref name="scenario"/>.</summary>
    public static Sip2ResolutionDecision OutOfScope(Sip2MessageScenario scenario) => new(false, scenario);
}
