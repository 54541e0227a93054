namespace Sip2.Net.Testing.Conformance;

/// <summary>How a conformance check ended.</summary>
public enum Sip2ConformanceOutcome
{
    /// <summary>The server did what the rule asks.</summary>
    Passed = 1,
    /// <summary>The server broke the rule, or could not be reached to check it.</summary>
    Failed = 2,
    /// <summary>The check needs something the options did not give (a patron, an item, a login), or the server does not offer what it tests; not a pass.</summary>
    NotRun = 3,
}
