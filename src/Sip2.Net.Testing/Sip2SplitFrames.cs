using System.Collections.Generic;
using System.Linq;
using System;
using Sip2.Net.Encodings;
using Sip2.Net.Testing.Internal;

namespace Sip2.Net.Testing;

/// <summary>
/// Several frames one after the other, as a client sends them, ended by CR, CRLF or LF with stray line breaks between
/// them, and the same bytes split at arbitrary points into the reads a server might get. Framing
/// <see cref="Chunks"/> in order must give each frame's <see cref="Sip2Frame.Content"/> in order.
/// </summary>
public sealed record Sip2SplitFrames
{
    /// <summary>The frames, in order.</summary>
    public required IReadOnlyList<Sip2Frame> Frames { get; init; }

    /// <summary>Every byte of the stream.</summary>
    public required ReadOnlyMemory<byte> Bytes { get; init; }

    /// <summary><see cref="Bytes"/> split into non-empty pieces; concatenated, they are <see cref="Bytes"/>.</summary>
    public required IReadOnlyList<ReadOnlyMemory<byte>> Chunks { get; init; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Frames.Count} frames in {Chunks.Count} chunks of {string.Join("+", Chunks.Select(c => c.Length))} bytes: "
        + WireText.Show(Bytes.Span, Frames.Count > 0 ? Frames[0].Options.Encoding : Sip2Encoding.Ibm850);
}
