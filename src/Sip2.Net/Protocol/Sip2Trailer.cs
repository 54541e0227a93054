using System;

namespace Sip2.Net.Protocol;

/// <summary>The trailer to write after a message's fields: none, or a checksum with an optional sequence number.</summary>
public readonly struct Sip2Trailer : IEquatable<Sip2Trailer>
{
    private Sip2Trailer(bool checksum, int? sequenceNumber)
    {
        HasChecksum = checksum;
        SequenceNumber = sequenceNumber;
    }

    /// <summary>No trailer: error detection off.</summary>
    public static Sip2Trailer None => default;

    /// <summary>A checksum (AZ), preceded by the sequence number (AY) when one is given. Resend messages (96, 97) never get a sequence number.</summary>
    public static Sip2Trailer WithChecksum(int? sequenceNumber = null)
    {
        if (sequenceNumber is < 0 or > 9)
        {
            throw new ArgumentOutOfRangeException(nameof(sequenceNumber), sequenceNumber, "A sequence number is a digit from 0 to 9.");
        }

        return new Sip2Trailer(true, sequenceNumber);
    }

    /// <summary>Whether a checksum is written.</summary>
    public bool HasChecksum { get; }

    /// <summary>The sequence number written before the checksum, if any.</summary>
    public int? SequenceNumber { get; }

    /// <inheritdoc/>
    public bool Equals(Sip2Trailer other) => HasChecksum == other.HasChecksum && SequenceNumber == other.SequenceNumber;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Sip2Trailer other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (HasChecksum ? 16 : 0) + (SequenceNumber ?? 10);

    /// <summary>Equality.</summary>
    public static bool operator ==(Sip2Trailer left, Sip2Trailer right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Sip2Trailer left, Sip2Trailer right) => !left.Equals(right);
}
