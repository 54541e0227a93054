using System;
using Sip2.Net.Messages;

namespace Sip2.Net.Protocol;

/// <summary>Why a message could not be read.</summary>
public enum Sip2ErrorCode
{
    /// <summary>The frame held no bytes.</summary>
    Empty = 1,
    /// <summary>The frame does not start with two digits.</summary>
    InvalidCommandCode,
    /// <summary>Two digits, but not a SIP2 2.00 command code.</summary>
    UnknownCommand,
    /// <summary>The fixed part ends early (or is interrupted by a field delimiter).</summary>
    TruncatedFixedPart,
    /// <summary>Strict mode: a fixed field's text is not of its kind.</summary>
    InvalidFixedField,
    /// <summary>Strict mode: a required variable field is missing.</summary>
    MissingRequiredField,
    /// <summary>Strict mode: a variable field's text is not of its kind.</summary>
    InvalidFieldValue,
    /// <summary>Strict mode: a field that may appear once appears again.</summary>
    DuplicateField,
    /// <summary>Strict mode: an empty segment (<c>||</c>), a segment without a two-character id, or a trailer id (AY, AZ) among the fields.</summary>
    MalformedField,
    /// <summary>Strict mode: text after the last field delimiter.</summary>
    TrailingData,
    /// <summary>Strict mode: a variable field longer than 255 characters.</summary>
    FieldTooLong,
    /// <summary>Strict mode: a control character (such as NUL) inside the message.</summary>
    InvalidCharacter,
    /// <summary>The checksum (AZ) does not match the bytes.</summary>
    ChecksumMismatch,
    /// <summary>Error detection is on and the message carries no checksum.</summary>
    ChecksumMissing,
    /// <summary>The message is longer than the configured cap.</summary>
    MessageTooLong,
}

/// <summary>
/// A typed description of why a message could not be read: what, where (byte offset in the frame), and which
/// field. The text never contains a field's value, so it is safe to log even when the field is a password.
/// </summary>
public sealed class Sip2ParseError
{
    internal Sip2ParseError(Sip2ErrorCode code, int offset, FieldId? field, string message)
    {
        Code = code;
        Offset = offset;
        Field = field;
        Message = message;
    }

    /// <summary>The kind of error.</summary>
    public Sip2ErrorCode Code { get; }

    /// <summary>Byte offset in the frame where the problem was found.</summary>
    public int Offset { get; }

    /// <summary>The variable field concerned, if any.</summary>
    public FieldId? Field { get; }

    /// <summary>A readable explanation (never includes field values).</summary>
    public string Message { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Code} at byte {Offset}: {Message}";
}

/// <summary>The base of the exceptions Sip2.Net throws for protocol failures.</summary>
public class Sip2Exception : Exception
{
    /// <summary>Creates the exception.</summary>
    public Sip2Exception()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public Sip2Exception(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public Sip2Exception(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Thrown by the throwing parse overloads; carries the <see cref="Sip2ParseError"/>.</summary>
public sealed class Sip2ParseException : Sip2Exception
{
    /// <summary>Wraps a parse error.</summary>
    public Sip2ParseException(Sip2ParseError error)
        : base((error ?? throw new ArgumentNullException(nameof(error))).ToString()) => Error = error;

    /// <summary>What went wrong.</summary>
    public Sip2ParseError Error { get; }
}

/// <summary>The result of reading one message: the message, or a typed error, plus what the trailer said.</summary>
public readonly struct Sip2ParseResult
{
    internal Sip2ParseResult(Sip2Message? message, Sip2ParseError? error, Sip2Command? command, int? sequenceNumber, bool hasChecksum)
    {
        Message = message;
        Error = error;
        Command = command;
        SequenceNumber = sequenceNumber;
        HasChecksum = hasChecksum;
    }

    /// <summary>The message, when reading succeeded.</summary>
    public Sip2Message? Message { get; }

    /// <summary>The error, when reading failed.</summary>
    public Sip2ParseError? Error { get; }

    /// <summary>Whether a message was read.</summary>
    public bool IsSuccess => Message is not null;

    /// <summary>The command code, whenever the first two bytes were digits (also on failure, so a server can answer with the matching failure response).</summary>
    public Sip2Command? Command { get; }

    /// <summary>The sequence number (AY) of the trailer, if present.</summary>
    public int? SequenceNumber { get; }

    /// <summary>Whether the message carried a checksum (AZ).</summary>
    public bool HasChecksum { get; }

    /// <summary>The message, or a <see cref="Sip2ParseException"/>.</summary>
    public Sip2Message GetMessageOrThrow() => Message ?? throw new Sip2ParseException(Error!);
}

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
