namespace Sip2.Net.Testing.Conformance;

/// <summary>The outcome of one check, with what was seen (never a password).</summary>
public sealed record Sip2ConformanceResult
{
    /// <summary>The check.</summary>
    public required Sip2ConformanceCheck Check { get; init; }

    /// <summary>Passed, failed or not run.</summary>
    public required Sip2ConformanceOutcome Outcome { get; init; }

    /// <summary>What the server answered, or why the check did not run.</summary>
    public required string Detail { get; init; }
}
