namespace Sip2.Net.Protocol;

/// <summary>The bytes written after each message.</summary>
public enum Sip2Terminator
{
    /// <summary>Carriage return (0x0D), as the standard says.</summary>
    Cr = 0,
    /// <summary>Carriage return and line feed, for clients that need it (Koha's default, some Alexandria-style stacks).</summary>
    CrLf = 1,
}
