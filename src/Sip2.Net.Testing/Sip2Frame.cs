using System;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;
using Sip2.Net.Testing.Internal;

namespace Sip2.Net.Testing;

/// <summary>
/// A message as it travels: its bytes in an encoding, with or without a trailer (AY/AZ) as an error-detection mode
/// allows, and a terminator. <see cref="Options"/> reads it back: <c>Sip2MessageParser.Parse(frame.Content.Span, frame.Options)</c>
/// gives <see cref="Message"/>.
/// </summary>
public sealed record Sip2Frame
{
    /// <summary>The message.</summary>
    public required Sip2Message Message { get; init; }

    /// <summary>The encoding, error-detection mode and terminator the frame was written for.</summary>
    public required Sip2CodecOptions Options { get; init; }

    /// <summary>The trailer written: none, or a checksum with a sequence number (never one for 96 and 97).</summary>
    public required Sip2Trailer Trailer { get; init; }

    /// <summary>The bytes, terminator included.</summary>
    public required ReadOnlyMemory<byte> Bytes { get; init; }

    /// <summary>The bytes without the terminator: what <see cref="Sip2FrameReader"/> returns for the frame.</summary>
    public ReadOnlyMemory<byte> Content => Bytes.Slice(0, Bytes.Length - (Options.Terminator == Sip2Terminator.CrLf ? 2 : 1));

    /// <inheritdoc/>
    public override string ToString() => $"{Message.Command} ({Options.Encoding}, error detection {Options.ErrorDetection}): {WireText.Show(Bytes.Span, Options.Encoding)}";
}
