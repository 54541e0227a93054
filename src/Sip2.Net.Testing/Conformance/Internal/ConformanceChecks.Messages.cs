using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Testing.Conformance.Internal;

// Each response's layout against the message table, its dates, and what the server does with fields it does not know.
internal static partial class ConformanceChecks
{
    // The request that brings each response, in the order of the standard's message pairs.
    private static readonly Sip2Command[] LayoutRequests =
    [
        Sip2Command.Login, Sip2Command.ScStatus, Sip2Command.PatronStatusRequest, Sip2Command.BlockPatron, Sip2Command.Checkout, Sip2Command.Checkin,
        Sip2Command.PatronInformation, Sip2Command.EndPatronSession, Sip2Command.FeePaid, Sip2Command.ItemInformation, Sip2Command.ItemStatusUpdate,
        Sip2Command.PatronEnable, Sip2Command.Hold, Sip2Command.Renew, Sip2Command.RenewAll,
    ];

    private static Sip2ConformanceCheck[] Messages() =>
    [
        .. LayoutRequests.Select(Layout),
        new("dates", "Every date in the answers is an 18-character SIP2 date, and the ACS's clock is within a day of this one", "2.00 §1.1: YYYYMMDDZZZZHHMMSS",
            DatesAsync),
        new("fields-unknown", "Field ids the ACS does not know are skipped: the answer is the same as without them", "2.00 §1: skip unknown field ids",
            (c, ct) => FieldsAsync(c, unknown: true, ct)),
        new("fields-any-order", "Fields out of the standard's order are read: the answer is the same as in order", "2.00 §1: fields in any order",
            (c, ct) => FieldsAsync(c, unknown: false, ct)),
    ];

    private static Sip2ConformanceCheck Layout(Sip2Command request)
    {
        var response = Sip2MessageTable.Get(Sip2MessageTable.Get(request).ResponseCommand!.Value);
        var required = string.Join(" ", response.Fields.Where(f => f.IsRequired).Select(f => f.Id));
        return new Sip2ConformanceCheck(
            $"layout-{(int)request:00}-{(int)response.Command:00}",
            $"{(int)response.Command:00} {response.SpecName}: {response.FixedLength} fixed characters, each of its kind{(required.Length > 0 ? ", and " + required : "")}",
            $"2.00 §2–3: {(int)request:00} → {(int)response.Command:00} layout",
            (c, ct) => LayoutAsync(c, request, response, ct));
    }

    private static async Task<Verdict> LayoutAsync(ConformanceContext context, Sip2Command request, Sip2MessageDescriptor response, CancellationToken cancellationToken)
    {
        if (request == Sip2Command.Login && !context.HasLogin)
        {
            return Verdict.NotRun("no login id given (-u)");
        }

        var (connection, failure) = await context.OpenAsync(cancellationToken, login: request != Sip2Command.Login);
        if (connection is null)
        {
            return failure;
        }

        await using (connection)
        {
            var reply = await context.ExchangeAsync(connection, context.Frame(context.Harmless(request), 1), cancellationToken);
            if (!reply.IsFrame)
            {
                return Verdict.Fail(context.Describe(reply));
            }

            var strict = Sip2MessageParser.Parse(reply.Frame, context.Codec with { ParseMode = Sip2ParseMode.Strict });
            if (strict.Command == Sip2Command.RequestScResend && await context.SupportedAsync(cancellationToken) is { } supported && !supported.Allows(request))
            {
                return Verdict.NotRun($"{(int)request:00} is off in BX, and answered 96");
            }

            if (strict.Command != response.Command)
            {
                return Verdict.Fail($"{(int)request:00} answered {context.Describe(reply)}");
            }

            return strict.IsSuccess ? Verdict.Pass(context.Describe(reply)) : Verdict.Fail($"{strict.Error}: {context.Describe(reply)}");
        }
    }

    private static async Task<Verdict> DatesAsync(ConformanceContext context, CancellationToken cancellationToken)
    {
        var (connection, failure) = await context.OpenAsync(cancellationToken);
        if (connection is null)
        {
            return failure;
        }

        await using (connection)
        {
            var checkedDates = 0;
            var requests = new[] { Sip2Command.ScStatus, Sip2Command.PatronInformation, Sip2Command.ItemInformation, Sip2Command.Checkout };
            for (var i = 0; i < requests.Length; i++)
            {
                var reply = await context.ExchangeAsync(connection, context.Frame(context.Harmless(requests[i]), i + 1), cancellationToken);
                if (!reply.IsFrame || Sip2MessageParser.Parse(reply.Frame, context.Codec).Message is not { } message || message is RequestScResend)
                {
                    continue; // the layout checks report answers that do not read
                }

                foreach (var field in message.Descriptor.FixedFields.Where(f => f.Kind == Sip2FieldKind.Timestamp))
                {
                    var text = message.FixedFieldTexts[field.Index];
                    var blankAllowed = field.PropertyName is not ("TransactionDate" or "DateTimeSync");
                    if (!(Sip2Timestamp.TryParse(text.AsSpan(), out var date) || (blankAllowed && text.Trim().Length == 0)))
                    {
                        return Verdict.Fail($"{(int)message.Command:00} {field.SpecName} is '{text}'");
                    }

                    checkedDates++;
                    if (field.PropertyName == "DateTimeSync" && Math.Abs((date.DateTime - DateTime.Now).TotalHours) > 26)
                    {
                        return Verdict.Fail($"98 date/time sync '{text}' is more than a day from this machine's {ConformanceContext.Now}");
                    }
                }

                foreach (var field in message.Fields.Where(f => message.Descriptor.FindField(f.Id)?.Kind == Sip2FieldKind.Timestamp && f.Value.Length > 0))
                {
                    if (!Sip2Timestamp.TryParse(field.Value.AsSpan(), out _))
                    {
                        return Verdict.Fail($"{(int)message.Command:00} {field.Id} is '{field.Value}'");
                    }

                    checkedDates++;
                }
            }

            return checkedDates == 0
                ? Verdict.Fail("no answer carried a date")
                : Verdict.Pass($"{checkedDates.ToString(CultureInfo.InvariantCulture)} dates in 98, 64, 18 and 12 answers");
        }
    }

    // An Item Information request written by hand: once as the standard orders it, then with unknown fields among the
    // known ones (or with its fields reversed). The answers must agree, apart from the transaction date.
    private static async Task<Verdict> FieldsAsync(ConformanceContext context, bool unknown, CancellationToken cancellationToken)
    {
        var (connection, failure) = await context.OpenAsync(cancellationToken);
        if (connection is null)
        {
            return failure;
        }

        await using (connection)
        {
            var item = context.Options.ItemIdentifier ?? ConformanceContext.NoSuchItem;
            var start = "17" + ConformanceContext.Now;
            var ao = "AO" + context.Options.InstitutionId + "|";
            var ab = "AB" + item + "|";
            var ac = "AC" + (context.Options.TerminalPassword ?? "") + "|";
            var plain = await context.ExchangeAsync(connection, context.Raw(start + ao + ab + ac, 1), cancellationToken);
            if (context.Mismatch(plain, Sip2Command.ItemInformationResponse, 1) is { } wrong)
            {
                return Verdict.Fail($"the plain request got {wrong}");
            }

            var altered = unknown ? start + "ZZconformance|" + ao + "XYextension|" + ab + ac + "QQ|" : start + ac + ab + ao;
            var reply = await context.ExchangeAsync(connection, context.Raw(altered, 2), cancellationToken);
            if (context.Mismatch(reply, Sip2Command.ItemInformationResponse, 2) is { } different)
            {
                return Verdict.Fail($"{(unknown ? "with unknown fields" : "in reverse order")}: {different}");
            }

            var first = (ItemInformationResponse)context.Parse(plain)!;
            var second = (ItemInformationResponse)context.Parse(reply)!;
            return (first.ItemIdentifier, first.TitleIdentifier, first.CirculationStatus) == (second.ItemIdentifier, second.TitleIdentifier, second.CirculationStatus)
                ? Verdict.Pass($"the same answer for {item}: AB{second.ItemIdentifier}, AJ{second.TitleIdentifier}")
                : Verdict.Fail($"in order: {context.Describe(plain)}; {(unknown ? "with unknown fields" : "reversed")}: {context.Describe(reply)}");
        }
    }
}
