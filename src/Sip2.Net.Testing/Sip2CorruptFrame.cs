using System;
using Sip2.Net.Protocol;
using Sip2.Net.Testing.Internal;

namespace Sip2.Net.Testing;

/// <summary>
/// A damaged frame labelled with what a reader must report: <see cref="Sip2FrameReader.TryReadFrame"/> with
/// <see cref="MaxMessageLength"/> gives <see cref="ExpectedFrameStatus"/>, and when that is a frame,
/// <see cref="Sip2MessageParser"/> with <see cref="Options"/> fails with <see cref="ExpectedError"/>.
/// </summary>
public sealed record Sip2CorruptFrame
{
    /// <summary>What was done to the frame.</summary>
    public required Sip2Corruption Kind { get; init; }

    /// <summary>The frame before the damage.</summary>
    public required Sip2Frame Original { get; init; }

    /// <summary>The damaged bytes, as a client would send them (terminated, except some oversize ones).</summary>
    public required ReadOnlyMemory<byte> Bytes { get; init; }

    /// <summary>How to read them: the encoding and the error-detection mode the label holds for.</summary>
    public required Sip2CodecOptions Options { get; init; }

    /// <summary>The cap on a message's length to frame with.</summary>
    public required int MaxMessageLength { get; init; }

    /// <summary>What framing the bytes gives: <see cref="Sip2FrameStatus.TooLong"/> for an oversize frame, otherwise a frame.</summary>
    public required Sip2FrameStatus ExpectedFrameStatus { get; init; }

    /// <summary>
    /// The error that stands for the damage: what parsing the frame reports, and for an oversize one
    /// <see cref="Sip2ErrorCode.MessageTooLong"/>, the code a server records when framing refuses it.
    /// </summary>
    public required Sip2ErrorCode ExpectedError { get; init; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Kind} (expect {ExpectedFrameStatus}/{ExpectedError}, cap {MaxMessageLength}, error detection {Options.ErrorDetection}, {Options.ParseMode}): {WireText.Show(Bytes.Span, Options.Encoding)}";
}
