using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Sip2.Net.Messages;
using Sip2.Net.Resolution;
using Sip2.Net.Server;

namespace Sip2.Net.SampleHost.Library;

internal sealed partial class InMemoryLibrarySystem
{
    // 23 Patron Status: language, date, AO AA AC AD -> 24 status, language, date, AO AA AE BL CQ BH BV AF.
    public ValueTask<PatronStatusResponse> PatronStatusAsync(PatronStatusRequest request, Sip2RequestContext context)
    {
        lock (gate)
        {
            var (patron, refusal) = FindPatron(request.PatronIdentifier, null, context, checkPin: false);
            if (patron is null)
            {
                return Fail(request, context, refusal);
            }

            return Answer(StatusResponse(patron, request.PatronPassword, context));
        }
    }

    // 01 Block Patron: card retained, date, AO AL AA AC -> 24. The kiosk found a reason to stop the card.
    public ValueTask<PatronStatusResponse> BlockPatronAsync(BlockPatronRequest request, Sip2RequestContext context)
    {
        lock (gate)
        {
            var (patron, refusal) = FindPatron(request.PatronIdentifier, null, context, checkPin: false);
            if (patron is null)
            {
                return Fail(request, context, refusal);
            }

            patron.Blocked = true;
            return Answer(StatusResponse(patron, null, context) with { ScreenMessages = [context.Text(Sip2MessageScenario.PatronBlocked)] });
        }
    }

    // 25 Patron Enable: date, AO AA AC AD -> 26 status, language, date, AO AA AE BL CQ. Lifts a block.
    public ValueTask<PatronEnableResponse> PatronEnableAsync(PatronEnableRequest request, Sip2RequestContext context)
    {
        lock (gate)
        {
            var (patron, refusal) = FindPatron(request.PatronIdentifier, null, context, checkPin: false);
            if (patron is null)
            {
                return Fail(request, context, refusal);
            }

            // A wrong PIN names a valid patron with an invalid password (BL Y, CQ N), as 23 does; the block stays.
            var pinOk = patron.PinMatches(request.PatronPassword);
            if (pinOk)
            {
                patron.Blocked = false;
                patron.CardLost = false;
            }

            return Answer(new PatronEnableResponse
            {
                PatronStatus = patron.Status(Now(context)),
                Language = patron.Data.Language,
                TransactionDate = context.Now,
                InstitutionId = context.InstitutionId,
                PatronIdentifier = patron.Id,
                PersonalName = patron.Data.Name,
                ValidPatron = true,
                ValidPatronPassword = pinOk,
                ScreenMessages = [pinOk ? "Patron enabled." : context.Text(Sip2MessageScenario.InvalidPatronPassword)],
            });
        }
    }

    // 35 End Patron Session: date, AO AA AC AD -> 36 end session Y/N, date, AO AA AF.
    public ValueTask<EndPatronSessionResponse> EndPatronSessionAsync(EndPatronSessionRequest request, Sip2RequestContext context)
    {
        lock (gate)
        {
            // Nothing is kept per patron session, so ending one always succeeds; an unknown patron still gets Y
            // so that the kiosk can move on.
            var known = patrons.ContainsKey(request.PatronIdentifier);
            return Answer(new EndPatronSessionResponse
            {
                EndSession = true,
                TransactionDate = context.Now,
                InstitutionId = context.InstitutionId,
                PatronIdentifier = request.PatronIdentifier,
                ScreenMessages = known ? ["Thank you for using the self-service kiosk."] : [],
            });
        }
    }

    // 63 Patron Information: language, date, summary, AO AA AC AD BP BQ
    // -> 64 status, language, date, six counts, AO AA AE BZ CA CB BL CQ BH BV CC AS/AT/AU/AV/BU/CD BD BE BF AF.
    public ValueTask<PatronInformationResponse> PatronInformationAsync(PatronInformationRequest request, Sip2RequestContext context)
    {
        lock (gate)
        {
            var (patron, refusal) = FindPatron(request.PatronIdentifier, null, context, checkPin: false);
            if (patron is null)
            {
                return Fail(request, context, refusal);
            }

            var now = Now(context);
            var validPassword = ValidPassword(patron, request.PatronPassword);
            var onShelf = patron.Holds.Where(h => h.Item.TrappedFor == h && h.Item.InTransitTo is null).ToList();
            var waiting = patron.Holds.Except(onShelf).ToList();
            var overdue = patron.Overdue(now).ToList();

            // Personal data only when the branch allows it and the PIN, if one was given, is right.
            var personal = context.BranchConfiguration.SendPersonalData && validPassword != false;
            var response = new PatronInformationResponse
            {
                PatronStatus = patron.Status(now),
                Language = patron.Data.Language,
                TransactionDate = context.Now,
                HoldItemsCount = onShelf.Count,
                OverdueItemsCount = overdue.Count,
                ChargedItemsCount = patron.Loans.Count,
                FineItemsCount = patron.Fees.Count,
                RecallItemsCount = 0,
                UnavailableHoldsCount = waiting.Count,
                InstitutionId = context.InstitutionId,
                PatronIdentifier = patron.Id,
                PersonalName = patron.Data.Name,
                HoldItemsLimit = patron.HoldLimit,
                OverdueItemsLimit = patron.OverdueLimit,
                ChargedItemsLimit = patron.ChargeLimit,
                ValidPatron = true,
                ValidPatronPassword = validPassword,
                CurrencyType = currency,
                FeeAmount = personal ? Sip2Amount.FromDecimal(patron.AmountOwed) : null,
                FeeLimit = Sip2Amount.FromDecimal(patron.FeeLimit),
                HomeAddress = personal ? patron.Data.Address : null,
                EmailAddress = personal ? patron.Data.Email : null,
                HomePhoneNumber = personal ? patron.Data.Phone : null,
                PatronExpirationDate = patron.Data.Expires is { } expires
                    ? Sip2Timestamp.Local(expires.ToDateTime(TimeOnly.MinValue)) : null,
                PatronBirthDate = personal ? patron.Data.BirthDate : null,
                PatronClass = patron.Data.PatronClass,
                PatronInternetProfile = patron.Data.InternetProfile,
                ScreenMessages = Notices(patron, now, context),
            };

            if (!personal)
            {
                return Answer(response);
            }

            // The spec allows one detail list per request; like most servers, the first Y wins.
            var start = request.StartItem;
            var end = request.EndItem;
            var summary = request.Summary;
            return Answer(
                summary.HasFlag(PatronSummary.HoldItems) ? response with { HoldItems = Page(onShelf.Select(h => h.Item.Id), start, end) }
                : summary.HasFlag(PatronSummary.OverdueItems) ? response with { OverdueItems = Page(overdue.Select(i => i.Id), start, end) }
                : summary.HasFlag(PatronSummary.ChargedItems) ? response with { ChargedItems = Page(patron.Loans.Select(i => i.Id), start, end) }
                : summary.HasFlag(PatronSummary.FineItems) ? response with { FineItems = Page(patron.Fees.Select(f => $"{f.Id} {Money(f.Amount)} {currency} {f.Description}"), start, end) }
                : summary.HasFlag(PatronSummary.UnavailableHoldItems) ? response with { UnavailableHoldItems = Page(waiting.Select(h => h.Item.Id), start, end) }
                : response);
        }
    }

    // 37 Fee Paid: date, fee type, payment type, currency, BV AO AA AC AD CG BK -> 38 accepted Y/N, date, AO AA BK AF.
    public ValueTask<FeePaidResponse> FeePaidAsync(FeePaidRequest request, Sip2RequestContext context)
    {
        lock (gate)
        {
            var (patron, refusal) = FindPatron(request.PatronIdentifier, request.PatronPassword, context);
            if (patron is null)
            {
                return Fail(request, context, refusal);
            }

            var amount = request.FeeAmount?.Value ?? 0m;
            var owed = patron.AmountOwed;
            var fee = request.FeeIdentifier is { Length: > 0 } feeId
                ? patron.Fees.FirstOrDefault(f => string.Equals(f.Id, feeId, StringComparison.OrdinalIgnoreCase))
                : null;

            // Refuse what a cashier would refuse: another currency, nothing or more than owed, an unknown fee id.
            if (!string.Equals(request.CurrencyType, currency, StringComparison.OrdinalIgnoreCase)
                || amount <= 0
                || (request.FeeIdentifier is { Length: > 0 } && (fee is null || amount > fee.Amount))
                || amount > owed)
            {
                return Fail(request, context, Sip2MessageScenario.FeePaymentFailed);
            }

            // A payment for a named fee goes to it; otherwise it pays the oldest fees first.
            var remaining = amount;
            foreach (var target in fee is not null ? [fee] : patron.Fees.ToList())
            {
                var paid = Math.Min(remaining, target.Amount);
                target.Amount -= paid;
                remaining -= paid;
                if (target.Amount == 0)
                {
                    patron.Fees.Remove(target);
                }

                if (remaining == 0)
                {
                    break;
                }
            }

            var acknowledgement = request.TransactionId is { Length: > 0 } given ? given : $"PAY{nextPaymentNumber++:D6}";
            return Answer(new FeePaidResponse
            {
                PaymentAccepted = true,
                TransactionDate = context.Now,
                InstitutionId = context.InstitutionId,
                PatronIdentifier = patron.Id,
                TransactionId = acknowledgement,
                ScreenMessages = [$"Payment of {Money(amount)} {currency} accepted. Balance: {Money(patron.AmountOwed)} {currency}."],
            });
        }
    }

    private PatronStatusResponse StatusResponse(Patron patron, string? pin, Sip2RequestContext context)
    {
        var now = Now(context);
        return new PatronStatusResponse
        {
            PatronStatus = patron.Status(now),
            Language = patron.Data.Language,
            TransactionDate = context.Now,
            InstitutionId = context.InstitutionId,
            PatronIdentifier = patron.Id,
            PersonalName = patron.Data.Name,
            ValidPatron = true,
            ValidPatronPassword = ValidPassword(patron, pin),
            CurrencyType = currency,
            FeeAmount = Sip2Amount.FromDecimal(patron.AmountOwed),
            ScreenMessages = Notices(patron, now, context),
        };
    }

    /// <summary>CQ: Y or N when a PIN was given, absent when none was.</summary>
    private static bool? ValidPassword(Patron patron, string? pin) =>
        string.IsNullOrEmpty(pin) ? null : patron.PinMatches(pin);

    /// <summary>The screen messages a kiosk shows with a patron's status: why borrowing is stopped, if it is.</summary>
    private static string[] Notices(Patron patron, DateTime now, Sip2RequestContext context) =>
        BorrowingRefusal(patron, now, newLoan: true) is { } reason ? [context.Text(reason)] : [];

    /// <summary>BP/BQ: a 1-based, inclusive window of a detail list.</summary>
    private static string[] Page(IEnumerable<string> list, int? start, int? end)
    {
        var all = list.ToArray();
        var first = Math.Max(1, start ?? 1);
        var last = Math.Min(all.Length, end ?? all.Length);
        return last < first ? [] : all[(first - 1)..last];
    }
}
