using System.Collections.Generic;
using System.Linq;

namespace Sip2.Net.Testing.Conformance;

/// <summary>The results of a conformance run, in the battery's order.</summary>
public sealed class Sip2ConformanceReport
{
    internal Sip2ConformanceReport(IReadOnlyList<Sip2ConformanceResult> results) => Results = results;

    /// <summary>Every check's result.</summary>
    public IReadOnlyList<Sip2ConformanceResult> Results { get; }

    /// <summary>How many checks passed.</summary>
    public int Passed => Results.Count(r => r.Outcome == Sip2ConformanceOutcome.Passed);

    /// <summary>How many checks failed.</summary>
    public int Failed => Results.Count(r => r.Outcome == Sip2ConformanceOutcome.Failed);

    /// <summary>How many checks did not run.</summary>
    public int NotRun => Results.Count(r => r.Outcome == Sip2ConformanceOutcome.NotRun);

    /// <summary>The result of the check with that id, or null.</summary>
    public Sip2ConformanceResult? this[string checkId] => Results.FirstOrDefault(r => r.Check.Id == checkId);
}
