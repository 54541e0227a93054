namespace Sip2.Net.Testing;

/// <summary>How a <see cref="Sip2CorruptFrame"/> was damaged.</summary>
public enum Sip2Corruption
{
    /// <summary>A byte of the message, or the checksum itself, changed: the checksum no longer matches (error detection on).</summary>
    BadChecksum = 1,
    /// <summary>Cut off inside a fixed field, without a trailer (error detection off).</summary>
    TruncatedFixedPart = 2,
    /// <summary>Cut off before the end of its checksum, so it has none (error detection on).</summary>
    TruncatedTrailer = 3,
    /// <summary>Longer than the reader's cap on a message (<see cref="Sip2CorruptFrame.MaxMessageLength"/>), terminated or not.</summary>
    Oversize = 4,
}
