namespace Sip2.Net.Protocol;

/// <summary>What <see cref="Sip2FrameReader.TryReadFrame"/> found.</summary>
public enum Sip2FrameStatus
{
    /// <summary>No complete message yet: read more bytes and call again with the larger buffer.</summary>
    NeedMoreData = 0,
    /// <summary>A complete message was found.</summary>
    Frame = 1,
    /// <summary>The message is longer than the cap (or no terminator came within it). There is no reliable way to resynchronise: close the connection.</summary>
    TooLong = 2,
}
