namespace Sip2.Net.Testing.Conformance.Internal;

/// <summary>What one check found.</summary>
internal readonly record struct Verdict(Sip2ConformanceOutcome Outcome, string Detail)
{
    public static Verdict Pass(string detail) => new(Sip2ConformanceOutcome.Passed, detail);

    public static Verdict Fail(string detail) => new(Sip2ConformanceOutcome.Failed, detail);

    public static Verdict NotRun(string detail) => new(Sip2ConformanceOutcome.NotRun, detail);
}
