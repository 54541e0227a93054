using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Messages;

namespace Sip2.Net.Testing.Conformance.Internal;

// Checks on the library's own data: a patron and an item given in the options.
internal static partial class ConformanceChecks
{
    private static Sip2ConformanceCheck[] Data() =>
    [
        new("patron-valid", "Patron Information for the patron and PIN: the patron echoed, named, valid (BL Y), PIN valid (CQ Y)", "2.00 63/64: AA, AE; BL, CQ",
            (c, ct) => PatronAsync(c, rightPin: true, ct)),
        new("patron-wrong-pin", "Patron Information with a wrong PIN: CQ N", "2.00 63/64: CQ valid patron password",
            (c, ct) => PatronAsync(c, rightPin: false, ct)),
        new("item-information", "Item Information for the item: the item echoed, a title, a circulation status of the table", "2.00 17/18, §4.4: AB, AJ, 01–13",
            ItemAsync),
        new("checkout-checkin", "Checkout of the item to the patron succeeds with a due date, and its checkin succeeds", "2.00 11/12, 09/10: ok = 1, AH",
            CheckoutCheckinAsync),
    ];

    private static async Task<Verdict> PatronAsync(ConformanceContext context, bool rightPin, CancellationToken cancellationToken)
    {
        if (context.Options.PatronIdentifier is not { } patron || context.Options.PatronPassword is not { } pin)
        {
            return Verdict.NotRun("needs a patron and PIN (--patron, --patron-pin)");
        }

        var (connection, failure) = await context.OpenAsync(cancellationToken);
        if (connection is null)
        {
            return failure;
        }

        await using (connection)
        {
            var reply = await context.ExchangeAsync(connection, context.Frame(context.PatronInformation(patron, rightPin ? pin : pin + "-wrong"), 1), cancellationToken);
            if (context.Parse(reply) is not PatronInformationResponse answer)
            {
                return Verdict.Fail($"answered {context.Describe(reply)}");
            }

            var expected = rightPin
                ? answer.PatronIdentifier == patron && answer.PersonalName.Length > 0 && answer.ValidPatron == true && answer.ValidPatronPassword == true
                : answer.ValidPatronPassword == false;
            return expected
                ? Verdict.Pass(rightPin ? $"AA{answer.PatronIdentifier}, BL Y, CQ Y" : "CQ N")
                : Verdict.Fail($"AA{answer.PatronIdentifier}, AE {(answer.PersonalName.Length > 0 ? "given" : "empty")}, BL {Flag(answer.ValidPatron)}, CQ {Flag(answer.ValidPatronPassword)}");
        }
    }

    private static async Task<Verdict> ItemAsync(ConformanceContext context, CancellationToken cancellationToken)
    {
        if (context.Options.ItemIdentifier is not { } item)
        {
            return Verdict.NotRun("needs an item (--item)");
        }

        var (connection, failure) = await context.OpenAsync(cancellationToken);
        if (connection is null)
        {
            return failure;
        }

        await using (connection)
        {
            var reply = await context.ExchangeAsync(connection, context.Frame(context.ItemInformation(item), 1), cancellationToken);
            return context.Parse(reply) is ItemInformationResponse answer && answer.ItemIdentifier == item && answer.TitleIdentifier.Length > 0
                && answer.CirculationStatus is { } status && (int)status is >= 1 and <= 13
                ? Verdict.Pass($"AB{answer.ItemIdentifier}, AJ{answer.TitleIdentifier}, status {(int)status:00}")
                : Verdict.Fail($"answered {context.Describe(reply)}");
        }
    }

    private static async Task<Verdict> CheckoutCheckinAsync(ConformanceContext context, CancellationToken cancellationToken)
    {
        if (context.Options.PatronIdentifier is not { } patron || context.Options.ItemIdentifier is not { } item)
        {
            return Verdict.NotRun("needs a patron and an item on the shelf (--patron, --item)");
        }

        var (connection, failure) = await context.OpenAsync(cancellationToken);
        if (connection is null)
        {
            return failure;
        }

        await using (connection)
        {
            var terminal = context.Options.TerminalPassword ?? "";
            var checkout = new CheckoutRequest
            {
                TransactionDate = ConformanceContext.Now, InstitutionId = context.Options.InstitutionId, PatronIdentifier = patron, ItemIdentifier = item,
                TerminalPassword = terminal, PatronPassword = context.Options.PatronPassword,
            };
            var lent = await context.ExchangeAsync(connection, context.Frame(checkout, 1), cancellationToken);
            if (context.Parse(lent) is not CheckoutResponse { Ok: true } loan || loan.ItemIdentifier != item || loan.DueDate is not { Length: > 0 })
            {
                return Verdict.Fail($"checkout answered {context.Describe(lent)}");
            }

            var checkin = new CheckinRequest
            {
                TransactionDate = ConformanceContext.Now, ReturnDate = ConformanceContext.Now, CurrentLocation = context.Options.LocationCode ?? "",
                InstitutionId = context.Options.InstitutionId, ItemIdentifier = item, TerminalPassword = terminal,
            };
            var returned = await context.ExchangeAsync(connection, context.Frame(checkin, 2), cancellationToken);
            return context.Parse(returned) is CheckinResponse { Ok: true } back && back.ItemIdentifier == item
                ? Verdict.Pass($"12 ok, due {loan.DueDate}; 10 ok")
                : Verdict.Fail($"checked out (due {loan.DueDate}), but checkin answered {context.Describe(returned)}");
        }
    }

    private static string Flag(bool? value) => value switch
    {
        true => "Y",
        false => "N",
        null => "absent",
    };
}
