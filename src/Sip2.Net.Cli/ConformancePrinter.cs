using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Sip2.Net.Testing.Conformance;

namespace Sip2.Net.Cli;

/// <summary>The conformance report as a table (check, rule, outcome, detail) and a closing "N passed, N failed" line.</summary>
internal static class ConformancePrinter
{
    public static void WriteReport(TextWriter output, Sip2ConformanceReport report)
    {
        var rows = report.Results.Select(r => new[] { r.Check.Id, r.Check.Rule, Outcome(r.Outcome), r.Detail }).ToList();
        WriteTable(output, ["check", "rule", "outcome", "detail"], rows);
        output.WriteLine();
        if (report.NotRun > 0)
        {
            output.WriteLine($"{report.NotRun.ToString(CultureInfo.InvariantCulture)} not run: the detail says what each needs");
        }

        output.WriteLine($"{report.Passed.ToString(CultureInfo.InvariantCulture)} passed, {report.Failed.ToString(CultureInfo.InvariantCulture)} failed");
    }

    public static void WriteChecks(TextWriter output, IReadOnlyList<Sip2ConformanceCheck> checks) =>
        WriteTable(output, ["check", "rule", "what it checks"], checks.Select(c => new[] { c.Id, c.Rule, c.Title }).ToList());

    private static string Outcome(Sip2ConformanceOutcome outcome) => outcome switch
    {
        Sip2ConformanceOutcome.Passed => "pass",
        Sip2ConformanceOutcome.Failed => "FAIL",
        _ => "not run",
    };

    // Columns padded to their widest cell, the last one left as it is.
    private static void WriteTable(TextWriter output, string[] header, List<string[]> rows)
    {
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        void Line(string[] cells) => output.WriteLine(string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd());
        Line(header);
        Line(widths.Select(w => new string('-', w)).ToArray());
        foreach (var row in rows)
        {
            Line(row);
        }
    }
}
