using System;

namespace Sip2.Net.Protocol;

/// <summary>Sequence numbers (AY): one digit, 0 to 9, that the SC advances for each new message and wraps.</summary>
public static class Sip2SequenceNumber
{
    /// <summary>The number after <paramref name="current"/>: 0..8 advance by one, 9 wraps to 0.</summary>
    public static int Next(int current)
    {
        if (current is < 0 or > 9)
        {
            throw new ArgumentOutOfRangeException(nameof(current), current, "A sequence number is a digit from 0 to 9.");
        }

        return current == 9 ? 0 : current + 1;
    }
}
