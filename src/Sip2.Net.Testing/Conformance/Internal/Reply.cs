using System;

namespace Sip2.Net.Testing.Conformance.Internal;

/// <summary>What came back for a request: a frame (without its terminator), the connection's end, or nothing in time.</summary>
internal sealed class Reply
{
    private Reply(ReplyKind kind, byte[] frame)
    {
        Kind = kind;
        Frame = frame;
    }

    public ReplyKind Kind { get; }

    public byte[] Frame { get; }

    public bool IsFrame => Kind == ReplyKind.Frame;

    public static Reply Closed { get; } = new(ReplyKind.Closed, []);

    public static Reply TimedOut { get; } = new(ReplyKind.TimedOut, []);

    public static Reply Of(byte[] frame) => new(ReplyKind.Frame, frame);
}
