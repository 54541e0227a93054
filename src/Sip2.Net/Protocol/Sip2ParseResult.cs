using Sip2.Net.Messages;

namespace Sip2.Net.Protocol;

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
