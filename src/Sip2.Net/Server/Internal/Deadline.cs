namespace Sip2.Net.Server.Internal;

/// <summary>When a connection's wait must end (UTC ticks; long.MaxValue for never), and why: the heartbeat reads it.</summary>
internal sealed record Deadline(long At, string Reason)
{
    public static readonly Deadline Never = new(long.MaxValue, "");

    public static Deadline Earliest(Deadline a, Deadline b) => b.At < a.At ? b : a;
}
