using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Testing.Conformance.Internal;

// Checksums, sequence numbers and resends.
internal static partial class ConformanceChecks
{
    private static readonly byte[] RequestAcsResend = "97AZFEF5\r"u8.ToArray();

    private static Sip2ConformanceCheck[] ErrorDetection() =>
    [
        new("checksum-bad", "A request whose checksum does not match is answered with 96, not processed", "2.00 §1.2, §8.1: bad checksum → 96",
            BadChecksumAsync),
        new("checksum-lowercase", "A checksum written in lower-case hex is accepted", "2.00 §1.2: accept lower-case hex",
            LowercaseAsync),
        new("sequence-echo", "Answers carry the request's sequence number and a valid checksum", "2.00 §1.3: same AY; §1.2: AZ",
            SequenceAsync),
        new("resend-last", "97 gets the last answer again, byte for byte", "2.00 §8.18, §8.4: 97 resends as sent",
            (c, ct) => ResendAsync(c, afterBadChecksum: false, ct)),
        new("resend-after-96", "97 after a 96 resends the answer before it: a 96 is not an answer to remember", "2.00 §8.4: 96/97 are never the last response",
            (c, ct) => ResendAsync(c, afterBadChecksum: true, ct)),
        new("resend-first", "97 before any answer is answered with 96", "2.00 §8.18: 97 with nothing to resend → 96",
            ResendFirstAsync),
        new("error-detection-off", "A request without AY and AZ is processed and answered without them", "2.00 §8.2: no trailer → processed",
            NoTrailerAsync),
    ];

    private static async Task<Verdict> BadChecksumAsync(ConformanceContext context, CancellationToken cancellationToken)
    {
        var (connection, failure) = await context.OpenAsync(cancellationToken);
        if (connection is null)
        {
            return failure;
        }

        await using (connection)
        {
            var reply = await context.ExchangeAsync(connection, WithChecksumChanged(context.Frame(ConformanceContext.Status(), 1)), cancellationToken);
            return context.Parse(reply) is RequestScResend
                ? Verdict.Pass($"answered {context.Describe(reply)}")
                : Verdict.Fail($"answered {context.Describe(reply)}");
        }
    }

    private static async Task<Verdict> LowercaseAsync(ConformanceContext context, CancellationToken cancellationToken)
    {
        var (connection, failure) = await context.OpenAsync(cancellationToken);
        if (connection is null)
        {
            return failure;
        }

        await using (connection)
        {
            // A checksum with a letter in it, so the case shows: sequence numbers are tried until one gives one.
            if (Enumerable.Range(0, 10).Select(n => context.Frame(ConformanceContext.Status(), n)).FirstOrDefault(HasHexLetter) is not { } request)
            {
                return Verdict.NotRun("no status request of this institution has a letter in its checksum");
            }

            var sequence = request[^8] - '0';
            var lower = request.Select((b, i) => i >= request.Length - 5 && b is >= (byte)'A' and <= (byte)'F' ? (byte)(b + 32) : b).ToArray();
            var reply = await context.ExchangeAsync(connection, lower, cancellationToken);
            var checksum = context.Options.Encoding.GetString(lower.AsSpan(lower.Length - 7, 6));
            return context.Mismatch(reply, Sip2Command.AcsStatus, sequence) is { } wrong
                ? Verdict.Fail($"{checksum} answered with {wrong}")
                : Verdict.Pass($"{checksum} answered with 98");
        }
    }

    private static async Task<Verdict> SequenceAsync(ConformanceContext context, CancellationToken cancellationToken)
    {
        var (connection, failure) = await context.OpenAsync(cancellationToken);
        if (connection is null)
        {
            return failure;
        }

        await using (connection)
        {
            foreach (var sequence in new[] { 7, 3 })
            {
                var reply = await context.ExchangeAsync(connection, context.Frame(ConformanceContext.Status(), sequence), cancellationToken);
                if (context.Mismatch(reply, Sip2Command.AcsStatus, sequence) is { } wrong)
                {
                    return Verdict.Fail($"AY{sequence}: {wrong}");
                }

                if (!Sip2MessageParser.Parse(reply.Frame, context.Codec with { ErrorDetection = Sip2ErrorDetectionMode.On }).IsSuccess)
                {
                    return Verdict.Fail($"AY{sequence}: no checksum in {context.Describe(reply)}");
                }
            }

            return Verdict.Pass("AY7 and AY3 echoed, checksums valid");
        }
    }

    private static async Task<Verdict> ResendAsync(ConformanceContext context, bool afterBadChecksum, CancellationToken cancellationToken)
    {
        var (connection, failure) = await context.OpenAsync(cancellationToken);
        if (connection is null)
        {
            return failure;
        }

        await using (connection)
        {
            var answer = await context.ExchangeAsync(connection, context.Frame(ConformanceContext.Status(), 1), cancellationToken);
            if (context.Mismatch(answer, Sip2Command.AcsStatus, 1) is { } wrong)
            {
                return Verdict.Fail($"the status request got {wrong}");
            }

            if (afterBadChecksum)
            {
                var resend = await context.ExchangeAsync(connection, WithChecksumChanged(context.Frame(ConformanceContext.Status(), 2)), cancellationToken);
                if (context.Parse(resend) is not RequestScResend)
                {
                    return Verdict.Fail($"a bad checksum got {context.Describe(resend)}, not 96");
                }
            }

            var again = await context.ExchangeAsync(connection, RequestAcsResend, cancellationToken);
            return again.IsFrame && again.Frame.AsSpan().SequenceEqual(answer.Frame)
                ? Verdict.Pass($"resent {context.Describe(again)}")
                : Verdict.Fail($"sent {context.Describe(answer)}, resent {context.Describe(again)}");
        }
    }

    private static async Task<Verdict> ResendFirstAsync(ConformanceContext context, CancellationToken cancellationToken)
    {
        // No login first: a login's answer would be a last response to resend.
        var (connection, failure) = await context.OpenAsync(cancellationToken, login: false);
        if (connection is null)
        {
            return failure;
        }

        await using (connection)
        {
            var reply = await context.ExchangeAsync(connection, RequestAcsResend, cancellationToken);
            return context.Parse(reply) is RequestScResend
                ? Verdict.Pass($"answered {context.Describe(reply)}")
                : Verdict.Fail($"answered {context.Describe(reply)}");
        }
    }

    private static async Task<Verdict> NoTrailerAsync(ConformanceContext context, CancellationToken cancellationToken)
    {
        var (connection, failure) = await context.OpenAsync(cancellationToken);
        if (connection is null)
        {
            return failure;
        }

        await using (connection)
        {
            var reply = await context.ExchangeAsync(connection, context.Frame(ConformanceContext.Status(), null), cancellationToken);
            if (context.Mismatch(reply, Sip2Command.AcsStatus, null) is { } wrong)
            {
                return Verdict.Fail($"answered {wrong}");
            }

            return Sip2MessageParser.Parse(reply.Frame, context.Codec).HasChecksum
                ? Verdict.Fail($"answered with a trailer the request did not have: {context.Describe(reply)}")
                : Verdict.Pass($"answered {context.Describe(reply)}");
        }
    }

    // The same request with its checksum off by one.
    private static byte[] WithChecksumChanged(byte[] request)
    {
        _ = Sip2Checksum.TryParseHex(request.AsSpan(request.Length - 5, 4), out var checksum); // written by the writer
        var hex = System.Text.Encoding.ASCII.GetBytes(Sip2Checksum.ToHex((ushort)(checksum + 1)));
        return [.. request[..^5], .. hex, (byte)'\r'];
    }

    private static bool HasHexLetter(byte[] request) => request.Skip(request.Length - 5).Take(4).Any(b => b is >= (byte)'A' and <= (byte)'F');
}
