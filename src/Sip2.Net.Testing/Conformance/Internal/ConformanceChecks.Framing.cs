using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Messages;

namespace Sip2.Net.Testing.Conformance.Internal;

// Framing: how a request ends, several in one segment, one across segments. SC Status (99) is the request: every
// server answers it, logged in or not.
internal static partial class ConformanceChecks
{
    private static Sip2ConformanceCheck[] Framing() =>
    [
        new("framing-cr", "A request ended by CR gets one ACS Status answer", "2.00 §1: a message ends with CR",
            (c, ct) => TerminatedAsync(c, "\r", ct)),
        new("framing-crlf", "A request ended by CRLF gets one answer, and the LF none of its own", "2.00 §1 CR; CRLF clients (§8.14)",
            (c, ct) => TerminatedAsync(c, "\r\n", ct)),
        new("framing-lf", "A request ended by LF alone gets its answer", "2.00 §1 CR; LF clients (§8.14)",
            (c, ct) => TerminatedAsync(c, "\n", ct)),
        new("framing-two-in-one", "Two requests in one segment get two answers, in order", "2.00 §7: one response per request, in order",
            TwoInOneAsync),
        new("framing-split", "A request split across segments is answered once it is complete, not before", "2.00 §1: a message is all bytes to its CR",
            SplitAsync),
    ];

    // A 99 with the given terminator, then a second, CR-ended one: each must get its own 98, so an extra answer to the
    // terminator (an LF taken for an empty message) shows up as the second answer.
    private static async Task<Verdict> TerminatedAsync(ConformanceContext context, string terminator, CancellationToken cancellationToken)
    {
        var (connection, failure) = await context.OpenAsync(cancellationToken);
        if (connection is null)
        {
            return failure;
        }

        await using (connection)
        {
            var request = context.Frame(ConformanceContext.Status(), 1);
            var bytes = Encoding.ASCII.GetBytes(terminator);
            byte[] withTerminator = [.. request[..^1], .. bytes];
            var first = await context.ExchangeAsync(connection, withTerminator, cancellationToken);
            if (context.Parse(first) is not AcsStatusResponse)
            {
                return Verdict.Fail($"answered {context.Describe(first)}");
            }

            var second = await context.ExchangeAsync(connection, context.Frame(ConformanceContext.Status(), 2), cancellationToken);
            return context.Mismatch(second, Sip2Command.AcsStatus, 2) is { } wrong
                ? Verdict.Fail($"the next request was answered with {wrong}")
                : Verdict.Pass($"answered {context.Describe(first)}");
        }
    }

    private static async Task<Verdict> TwoInOneAsync(ConformanceContext context, CancellationToken cancellationToken)
    {
        var (connection, failure) = await context.OpenAsync(cancellationToken);
        if (connection is null)
        {
            return failure;
        }

        await using (connection)
        {
            byte[] both = [.. context.Frame(ConformanceContext.Status(), 1), .. context.Frame(ConformanceContext.Status(), 2)];
            if (!await connection.SendAsync(both, cancellationToken))
            {
                return Verdict.Fail("the connection was closed");
            }

            for (var sequence = 1; sequence <= 2; sequence++)
            {
                var reply = await connection.ReadAsync(context.Options.ResponseTimeout, cancellationToken);
                if (context.Mismatch(reply, Sip2Command.AcsStatus, sequence) is { } wrong)
                {
                    return Verdict.Fail($"answer {sequence} of 2: {wrong}");
                }
            }

            return Verdict.Pass("two 98 answers, AY1 then AY2");
        }
    }

    private static async Task<Verdict> SplitAsync(ConformanceContext context, CancellationToken cancellationToken)
    {
        var (connection, failure) = await context.OpenAsync(cancellationToken);
        if (connection is null)
        {
            return failure;
        }

        await using (connection)
        {
            var request = context.Frame(ConformanceContext.Status(), 1);
            var cut = request.Length / 2;
            if (!await connection.SendAsync(request.AsMemory(0, cut), cancellationToken))
            {
                return Verdict.Fail("the connection was closed after the first part");
            }

            var early = await connection.ReadAsync(context.Options.QuietPeriod, cancellationToken);
            if (early.Kind != ReplyKind.TimedOut)
            {
                return Verdict.Fail($"after {cut} of {request.Length} bytes: {context.Describe(early)}");
            }

            var reply = await context.ExchangeAsync(connection, request.AsSpan(cut).ToArray(), cancellationToken);
            return context.Mismatch(reply, Sip2Command.AcsStatus, 1) is { } wrong
                ? Verdict.Fail($"once complete: {wrong}")
                : Verdict.Pass($"nothing for the first {cut} bytes, then {context.Describe(reply)}");
        }
    }
}
