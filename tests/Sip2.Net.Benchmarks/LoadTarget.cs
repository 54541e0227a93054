using System.Globalization;

namespace Sip2.Net.Benchmarks;

/// <summary>A server the load tool drives: its label in the results, its port, and its control port (0 for none).</summary>
public sealed record LoadTarget(string Label, int Port, int ControlPort)
{
    /// <summary>
    /// Whether the target is the line answerer (a label starting with <c>baseline</c>): it is sent the same Login as
    /// the SIP2 servers, so that both do the same exchanges, and its answer, a line of filler, is not checked.
    /// </summary>
    public bool IsLineAnswerer => Label.StartsWith("baseline", StringComparison.Ordinal);

    /// <summary>Reads <c>label=port</c> or <c>label=port:control-port</c>.</summary>
    public static LoadTarget Parse(string text)
    {
        var (label, ports) = text.Split('=', 2) is [var l, var p] ? (l, p.Split(':')) : throw new FormatException($"not label=port[:control-port]: {text}");
        return new LoadTarget(label, int.Parse(ports[0], CultureInfo.InvariantCulture), ports.Length > 1 ? int.Parse(ports[1], CultureInfo.InvariantCulture) : 0);
    }
}
