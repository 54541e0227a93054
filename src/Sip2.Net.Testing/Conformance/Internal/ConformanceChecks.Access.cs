using System;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Messages;

namespace Sip2.Net.Testing.Conformance.Internal;

// Logins, and what a server does with messages it does not support or cannot take.
internal static partial class ConformanceChecks
{
    private static Sip2ConformanceCheck[] Access() =>
    [
        new("login-accepted", "A Login with the given credentials is accepted (941)", "2.00 93/94: ok = 1 for valid credentials",
            LoginAcceptedAsync),
        new("login-refused", "A Login with unknown credentials is refused (940); a retry with the right ones works", "2.00 93/94, §8.8: 940, the SC may retry",
            LoginRefusedAsync),
        new("login-required", "Before a login, a patron request is not answered with the patron's data", "2.00 §8.7: no circulation before the login",
            LoginRequiredAsync),
        new("unknown-command", "An unknown command code is answered with 96; the connection stays usable", "2.00 §8.5: unknown code → 96",
            (c, ct) => UnsupportedCodeAsync(c, "4200", ct)),
        new("response-as-request", "A response code sent to the ACS (a 94) is answered with 96; the connection stays usable", "2.00 §2: only SC messages are requests",
            (c, ct) => UnsupportedCodeAsync(c, "941", ct)),
        new("unsupported-message", "A message the ACS Status marks unsupported (BX N) is refused without effect", "2.00 §5: BX N → refused",
            UnsupportedMessageAsync),
        new("oversize-line", "A line far longer than any message ends the connection instead of being buffered", "2.00 §8.6: cap a message, close on overflow",
            OversizeAsync),
    ];

    private static async Task<Verdict> LoginAcceptedAsync(ConformanceContext context, CancellationToken cancellationToken)
    {
        if (!context.HasLogin)
        {
            return Verdict.NotRun("no login id given (-u)");
        }

        var (connection, failure) = await context.OpenAsync(cancellationToken);
        if (connection is null)
        {
            return failure;
        }

        await using (connection)
        {
            return Verdict.Pass($"941 for {context.Options.LoginId}");
        }
    }

    private static async Task<Verdict> LoginRefusedAsync(ConformanceContext context, CancellationToken cancellationToken)
    {
        // Only where the server asks for a login: an address registered without one may accept any Login (OCLC's model).
        if (!context.HasLogin)
        {
            return Verdict.NotRun("no login id given (-u): the server may admit this address without one");
        }

        var (connection, failure) = await context.OpenAsync(cancellationToken, login: false);
        if (connection is null)
        {
            return failure;
        }

        await using (connection)
        {
            // A made-up login id, so the check never counts against a real one's lockout.
            var unknown = new LoginRequest { LoginUserId = "conformance-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)), LoginPassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)) };
            var refused = await context.ExchangeAsync(connection, context.Frame(unknown, 1), cancellationToken);
            if (context.Parse(refused) is not LoginResponse { Ok: false })
            {
                return Verdict.Fail($"an unknown login got {context.Describe(refused)}");
            }

            var login = new LoginRequest { LoginUserId = context.Options.LoginId!, LoginPassword = context.Options.Password ?? "", LocationCode = context.Options.LocationCode };
            var accepted = await context.ExchangeAsync(connection, context.Frame(login, 2), cancellationToken);
            return context.Parse(accepted) is LoginResponse { Ok: true }
                ? Verdict.Pass("940, then 941 for the right credentials on the same connection")
                : Verdict.Fail($"940, then the right credentials got {context.Describe(accepted)}");
        }
    }

    private static async Task<Verdict> LoginRequiredAsync(ConformanceContext context, CancellationToken cancellationToken)
    {
        if (!context.HasLogin || context.Options.PatronIdentifier is not { } patron)
        {
            return Verdict.NotRun("needs a login id (-u) and a patron (--patron)");
        }

        var (connection, failure) = await context.OpenAsync(cancellationToken, login: false);
        if (connection is null)
        {
            return failure;
        }

        await using (connection)
        {
            var reply = await context.ExchangeAsync(connection, context.Frame(context.PatronInformation(patron, context.Options.PatronPassword), 1), cancellationToken);
            return context.Parse(reply) is PatronInformationResponse answer && (answer.ValidPatron == true || answer.PersonalName.Length > 0)
                ? Verdict.Fail($"answered with the patron before a login: {context.Describe(reply)}")
                : Verdict.Pass($"answered {context.Describe(reply)}");
        }
    }

    private static async Task<Verdict> UnsupportedCodeAsync(ConformanceContext context, string text, CancellationToken cancellationToken)
    {
        var (connection, failure) = await context.OpenAsync(cancellationToken);
        if (connection is null)
        {
            return failure;
        }

        await using (connection)
        {
            var reply = await context.ExchangeAsync(connection, context.Raw(text, 1), cancellationToken);
            if (context.Parse(reply) is not RequestScResend)
            {
                return Verdict.Fail($"{text}... answered {context.Describe(reply)}");
            }

            var next = await context.ExchangeAsync(connection, context.Frame(ConformanceContext.Status(), 2), cancellationToken);
            return context.Mismatch(next, Sip2Command.AcsStatus, 2) is { } wrong
                ? Verdict.Fail($"96, then a status request got {wrong}")
                : Verdict.Pass($"{context.Describe(reply)}, then 98 for the next request");
        }
    }

    private static async Task<Verdict> UnsupportedMessageAsync(ConformanceContext context, CancellationToken cancellationToken)
    {
        if (await context.SupportedAsync(cancellationToken) is not { } supported)
        {
            return Verdict.Fail("the ACS Status answer could not be read");
        }

        // Read-only requests first: they carry the real patron or item, so executing one would show in the answer.
        var candidates = new[]
        {
            Sip2Command.ItemInformation, Sip2Command.PatronInformation, Sip2Command.PatronStatusRequest, Sip2Command.EndPatronSession,
            Sip2Command.PatronEnable, Sip2Command.Checkout, Sip2Command.Checkin, Sip2Command.Renew, Sip2Command.RenewAll, Sip2Command.FeePaid, Sip2Command.Hold,
            Sip2Command.ItemStatusUpdate, Sip2Command.BlockPatron,
        };
        var off = Array.Find(candidates, c => !supported.Allows(c));
        if (off == default)
        {
            return Verdict.NotRun("the ACS supports every message (BX all Y)");
        }

        var (connection, failure) = await context.OpenAsync(cancellationToken);
        if (connection is null)
        {
            return failure;
        }

        await using (connection)
        {
            var reply = await context.ExchangeAsync(connection, context.Frame(context.Harmless(off), 1), cancellationToken);
            var executed = context.Parse(reply) switch
            {
                RequestScResend => false,
                PatronInformationResponse p => p.ValidPatron == true || p.PersonalName.Length > 0,
                PatronStatusResponse p => p.ValidPatron == true || p.PersonalName.Length > 0,
                PatronEnableResponse p => p.ValidPatron == true || p.PersonalName.Length > 0,
                ItemInformationResponse i => i.TitleIdentifier.Length > 0,
                EndPatronSessionResponse e => e.EndSession,
                CheckoutResponse r => r.Ok,
                CheckinResponse r => r.Ok,
                RenewResponse r => r.Ok,
                RenewAllResponse r => r.Ok,
                FeePaidResponse r => r.PaymentAccepted,
                HoldResponse r => r.Ok,
                ItemStatusUpdateResponse r => r.ItemPropertiesOk,
                { } message => message.Command != Sip2MessageTable.Get(off).ResponseCommand,
                null => true, // no answer at all is not a refusal
            };
            return executed
                ? Verdict.Fail($"{(int)off:00} is off in BX, and got {context.Describe(reply)}")
                : Verdict.Pass($"{(int)off:00} is off in BX: {context.Describe(reply)}");
        }
    }

    private static async Task<Verdict> OversizeAsync(ConformanceContext context, CancellationToken cancellationToken)
    {
        var (connection, failure) = await context.OpenAsync(cancellationToken);
        if (connection is null)
        {
            return failure;
        }

        await using (connection)
        {
            // Digits and no terminator: the start of a message that never ends.
            var piece = new byte[16 * 1024];
            piece.AsSpan().Fill((byte)'9');
            var sent = 0;
            while (sent < context.Options.OversizeLength)
            {
                if (!await connection.SendAsync(piece.AsMemory(0, Math.Min(piece.Length, context.Options.OversizeLength - sent)), cancellationToken))
                {
                    return Verdict.Pass($"closed after at most {sent:N0} bytes");
                }

                sent += Math.Min(piece.Length, context.Options.OversizeLength - sent);
            }

            await connection.SendAsync("\r"u8.ToArray(), cancellationToken);
            var reply = await connection.ReadAsync(context.Options.ResponseTimeout, cancellationToken);
            return reply.Kind switch
            {
                ReplyKind.Closed => Verdict.Pass($"closed ({sent:N0} bytes sent before the close was seen)"),
                ReplyKind.TimedOut => Verdict.Fail($"took {sent:N0} bytes without a terminator, then neither answered nor closed within {context.Options.ResponseTimeout.TotalSeconds:0.#} s"),
                _ => Verdict.Fail($"buffered a {sent:N0}-byte line and answered {context.Describe(reply)}"),
            };
        }
    }
}
