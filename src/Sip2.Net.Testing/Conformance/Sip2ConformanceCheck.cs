using System;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Testing.Conformance.Internal;

namespace Sip2.Net.Testing.Conformance;

/// <summary>One check of the conformance battery: what it tests, and the rule of SIP2 2.00 it tests it against.</summary>
public sealed class Sip2ConformanceCheck
{
    private readonly Func<ConformanceContext, CancellationToken, Task<Verdict>> run;

    internal Sip2ConformanceCheck(string id, string title, string rule, Func<ConformanceContext, CancellationToken, Task<Verdict>> run)
    {
        Id = id;
        Title = title;
        Rule = rule;
        this.run = run;
    }

    /// <summary>A short, stable name (<c>framing-crlf</c>).</summary>
    public string Id { get; }

    /// <summary>What the check sends and expects, in a sentence.</summary>
    public string Title { get; }

    /// <summary>The rule of the 2.00 standard it tests, with its section in the reference (<c>2.00 §1.2 checksum</c>).</summary>
    public string Rule { get; }

    /// <inheritdoc/>
    public override string ToString() => Id;

    internal Task<Verdict> RunAsync(ConformanceContext context, CancellationToken cancellationToken) => run(context, cancellationToken);
}
