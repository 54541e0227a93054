using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Server.Internal;

/// <summary>What the connection does next for one frame: nothing (a blank line), write bytes (then close, when
/// <see cref="Close"/> says why), run a login, or run a back-end request; the last two hand their outcome back to the session.
/// <see cref="Outcome"/> is how the request it answers ended, for the metrics and the span (null: ok).</summary>
internal readonly record struct SessionStep(StepKind Kind, byte[]? Output = null, Pending? Pending = null, string? Close = null, string? Outcome = null);

/// <summary>The request pipeline's answer and how it came about (one of <see cref="Diagnostics.Internal.Outcomes"/>).</summary>
internal readonly record struct RequestResult(Sip2Message Response, string Outcome);

/// <summary>The kinds of <see cref="SessionStep"/>.</summary>
internal enum StepKind
{
    None = 0,
    Write,
    Login,
    Backend,
}

/// <summary>A request the session handed out, with what its answer needs: the trailer, and the frame of a state-changing request.</summary>
internal sealed record Pending(Sip2Message Request, Sip2Trailer Trailer, byte[]? Frame);
