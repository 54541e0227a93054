using System;

namespace Sip2.Net.Messages;

/// <summary>
/// A SIP2 date and time, <c>YYYYMMDDZZZZHHMMSS</c>: a wall-clock time plus the zone it is read in. The zone
/// is four spaces for local time (by far the most common), <c>"   Z"</c> for UTC, or a military zone letter
/// <c>A</c>..<c>Y</c> (A..M east of UTC without J, N..Y west). Blank dates are <see langword="null"/> in the
/// message model, so a value of this type always holds a date.
/// </summary>
public readonly struct Sip2Timestamp : IEquatable<Sip2Timestamp>
{
    /// <summary>The number of characters on the wire.</summary>
    public const int Length = 18;

    private Sip2Timestamp(DateTime dateTime, char zone)
    {
        DateTime = DateTime.SpecifyKind(new DateTime(dateTime.Ticks - (dateTime.Ticks % TimeSpan.TicksPerSecond)), DateTimeKind.Unspecified);
        Zone = zone;
    }

    /// <summary>The wall-clock date and time, to the second, as written on the wire.</summary>
    public DateTime DateTime { get; }

    /// <summary>The zone letter: a space for local time, <c>Z</c> for UTC, or a military zone letter.</summary>
    public char Zone { get; }

    /// <summary>Whether the time is the local time of the sender (zone of four spaces).</summary>
    public bool IsLocal => Zone == ' ';

    /// <summary>The offset from UTC for a zoned value, or <see langword="null"/> for local time.</summary>
    public TimeSpan? Offset => Zone switch
    {
        ' ' => null,
        'Z' => TimeSpan.Zero,
        >= 'A' and <= 'I' => TimeSpan.FromHours(Zone - 'A' + 1),
        >= 'K' and <= 'M' => TimeSpan.FromHours(Zone - 'K' + 10),
        >= 'N' and <= 'Y' => TimeSpan.FromHours(-(Zone - 'N' + 1)),
        _ => null,
    };

    /// <summary>A local (zone-less) timestamp: the form most SCs and ACSs send.</summary>
    public static Sip2Timestamp Local(DateTime dateTime) => new(dateTime, ' ');

    /// <summary>A UTC timestamp (zone <c>"   Z"</c>); a local or UTC <see cref="System.DateTime"/> is converted to UTC first.</summary>
    public static Sip2Timestamp Utc(DateTime dateTime) =>
        new(dateTime.Kind == DateTimeKind.Unspecified ? dateTime : dateTime.ToUniversalTime(), 'Z');

    /// <summary>The local-time timestamp of a point in time, seen in <paramref name="zone"/> (the machine's zone by default).</summary>
    public static Sip2Timestamp FromDateTimeOffset(DateTimeOffset value, TimeZoneInfo? zone = null)
    {
        // Nearly every response carries "now": the server asks for the same second thousands of times, and the zone
        // conversion is most of the cost. The last second's answer is kept (a zone's offset changes only between
        // whole seconds, so the second and the zone decide it).
        zone ??= TimeZoneInfo.Local;
        var second = value.UtcTicks / TimeSpan.TicksPerSecond;
        var last = lastConverted;
        if (last is not null && last.Second == second && ReferenceEquals(last.Zone, zone))
        {
            return last.Value;
        }

        var converted = Local(TimeZoneInfo.ConvertTime(value, zone).DateTime);
        lastConverted = new Converted(second, zone, converted);
        return converted;
    }

    // Replaced whole, so a reader on another thread sees one conversion or the next, never half of each.
    private static Converted? lastConverted;

    private sealed class Converted(long second, TimeZoneInfo zone, Sip2Timestamp value)
    {
        public long Second { get; } = second;

        public TimeZoneInfo Zone { get; } = zone;

        public Sip2Timestamp Value { get; } = value;
    }

    /// <summary>
    /// The point in time this timestamp names. Local timestamps are read in <paramref name="localZone"/>
    /// (the machine's zone by default).
    /// </summary>
    public DateTimeOffset ToDateTimeOffset(TimeZoneInfo? localZone = null)
    {
        if (Offset is { } offset)
        {
            return new DateTimeOffset(DateTime, offset);
        }

        var zone = localZone ?? TimeZoneInfo.Local;
        return new DateTimeOffset(DateTime, zone.GetUtcOffset(DateTime));
    }

    /// <summary>Parses the 18-character wire form. Blank (all spaces) and malformed text return false.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Sip2Timestamp value)
    {
        value = default;
        if (text.Length != Length
            || !TryDigits(text.Slice(0, 4), out var year) || !TryDigits(text.Slice(4, 2), out var month)
            || !TryDigits(text.Slice(6, 2), out var day) || !TryDigits(text.Slice(12, 2), out var hour)
            || !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(16, 2), out var second))
        {
            return false;
        }

        var zone = text.Slice(8, 4);
        char zoneLetter;
        if (zone.SequenceEqual("    ".AsSpan()))
        {
            zoneLetter = ' ';
        }
        else if (zone.Slice(0, 3).SequenceEqual("   ".AsSpan()) && IsZoneLetter(zone[3]))
        {
            zoneLetter = zone[3];
        }
        else
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new Sip2Timestamp(new DateTime(year, month, day, hour, minute, second), zoneLetter);
        return true;
    }

    /// <summary>Parses the 18-character wire form.</summary>
    /// <exception cref="FormatException">The text is not a SIP2 date.</exception>
    public static Sip2Timestamp Parse(string text) =>
        TryParse((text ?? throw new ArgumentNullException(nameof(text))).AsSpan(), out var value)
            ? value
            : throw new FormatException("Not a SIP2 date (YYYYMMDDZZZZHHMMSS).");

    internal static bool IsZoneLetter(char c) => (c >= 'A' && c <= 'Z' && c != 'J');

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    /// <summary>The 18-character wire form.</summary>
    public override string ToString()
    {
        // Every response carries a timestamp or two, mostly "now" and a due date: the texts of recent ones are
        // kept in a small table indexed by the second, so the responses of the same second share one string
        // instead of formatting it again (two timestamps of one response rarely share a slot).
        var slot = (int)((ulong)(DateTime.Ticks / TimeSpan.TicksPerSecond) % (ulong)RecentlyFormatted.Length);
        var recent = RecentlyFormatted[slot];
        if (recent is not null && recent.Value.Equals(this))
        {
            return recent.Text;
        }

        // Digits written straight into one buffer: the culture-aware DateTime formatting this replaced built
        // three strings and a concatenation per timestamp.
        Span<char> text = stackalloc char[Length];
        var value = DateTime;
        WriteDigits(text.Slice(0, 4), value.Year);
        WriteDigits(text.Slice(4, 2), value.Month);
        WriteDigits(text.Slice(6, 2), value.Day);
        text.Slice(8, 3).Fill(' ');
        text[11] = Zone;
        WriteDigits(text.Slice(12, 2), value.Hour);
        WriteDigits(text.Slice(14, 2), value.Minute);
        WriteDigits(text.Slice(16, 2), value.Second);
        var result = text.ToString();
        RecentlyFormatted[slot] = new Formatted(this, result);
        return result;
    }

    // Recently formatted timestamps and their texts; each slot is replaced as one reference, so threads never
    // see a value paired with another value's text.
    private static readonly Formatted?[] RecentlyFormatted = new Formatted?[16];

    private sealed class Formatted(Sip2Timestamp value, string text)
    {
        public Sip2Timestamp Value { get; } = value;

        public string Text { get; } = text;
    }

    private static void WriteDigits(Span<char> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <inheritdoc/>
    public bool Equals(Sip2Timestamp other) => DateTime == other.DateTime && Zone == other.Zone;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Sip2Timestamp other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => DateTime.GetHashCode() ^ Zone;

    /// <summary>Equality.</summary>
    public static bool operator ==(Sip2Timestamp left, Sip2Timestamp right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Sip2Timestamp left, Sip2Timestamp right) => !left.Equals(right);
}
