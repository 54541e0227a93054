using System;
using System.Globalization;

namespace Sip2.Net.Messages;

/// <summary>
/// A money amount (fields BV and CC) as text, with its decimal reading. The text is kept exactly as sent,
/// so a message round-trips; <see cref="Value"/> understands both <c>3.50</c> and <c>3,50</c>, and thousands
/// separators in either style (<c>1,234.50</c>, <c>1.234,50</c>).
/// </summary>
public readonly struct Sip2Amount : IEquatable<Sip2Amount>
{
    /// <summary>Wraps amount text as received or to be sent.</summary>
    public Sip2Amount(string text) => this.text = text ?? throw new ArgumentNullException(nameof(text));

    private readonly string? text;

    /// <summary>The amount as written on the wire.</summary>
    public string Text => text ?? "";

    /// <summary>The decimal value, or <see langword="null"/> when the text is not a number.</summary>
    public decimal? Value => TryParse(Text, out var value) ? value : null;

    /// <summary>The canonical wire form of a value: invariant, two decimals, <c>.</c> as the mark, no grouping.</summary>
    public static Sip2Amount FromDecimal(decimal value) => new(value.ToString("0.00", CultureInfo.InvariantCulture));

    /// <summary>Reads an amount in either decimal style; a leading currency symbol or sign is allowed.</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text!.Trim();
        var negative = false;
        if (s.StartsWith("-", StringComparison.Ordinal))
        {
            negative = true;
            s = s.Substring(1);
        }

        s = s.TrimStart('$', '£', '€', ' ');

        // Which separator is the decimal mark: with both present, the last one; a lone comma followed by
        // one or two digits ("3,50"); a lone dot. Any other separator groups thousands ("1,234", "1.234.567").
        var lastDot = s.LastIndexOf('.');
        var lastComma = s.LastIndexOf(',');
        int mark;
        if (lastDot >= 0 && lastComma >= 0)
        {
            mark = Math.Max(lastDot, lastComma);
            if (s.IndexOf(s[mark]) != mark)
            {
                return false; // the decimal mark appears once, after every grouping separator
            }
        }
        else if (lastComma >= 0)
        {
            mark = s.IndexOf(',') == lastComma && s.Length - lastComma - 1 is 1 or 2 ? lastComma : -1;
        }
        else
        {
            mark = s.IndexOf('.') == lastDot ? lastDot : -1;
        }

        var integerPart = (mark < 0 ? s : s.Substring(0, mark)).Replace(",", "").Replace(".", "");
        var normalized = mark < 0 ? integerPart : integerPart + "." + s.Substring(mark + 1);

        if (normalized.Length == 0 || normalized.IndexOf('.') != normalized.LastIndexOf('.'))
        {
            return false;
        }

        foreach (var c in normalized)
        {
            if ((c < '0' || c > '9') && c != '.')
            {
                return false;
            }
        }

        if (!decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        if (negative)
        {
            value = -value;
        }

        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Text;

    /// <inheritdoc/>
    public bool Equals(Sip2Amount other) => string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Sip2Amount other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <summary>Equality of the text.</summary>
    public static bool operator ==(Sip2Amount left, Sip2Amount right) => left.Equals(right);

    /// <summary>Inequality of the text.</summary>
    public static bool operator !=(Sip2Amount left, Sip2Amount right) => !left.Equals(right);
}
