using System;
using System.Collections.Generic;

namespace Sip2.Net.Testing.Conformance.Internal;

/// <summary>The battery, in the order it runs and reports.</summary>
internal static partial class ConformanceChecks
{
    // Built on first use: the checks' tables are static fields of the other parts of this class, whose initialisers
    // run in no fixed order among the parts.
    private static readonly Lazy<IReadOnlyList<Sip2ConformanceCheck>> Battery = new(() => [.. Framing(), .. ErrorDetection(), .. Access(), .. Messages(), .. Data()]);

    public static IReadOnlyList<Sip2ConformanceCheck> All => Battery.Value;
}
