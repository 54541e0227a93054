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
    // 11 Checkout: renewal policy, no block, date, nb due date, AO AA AB AC CH AD BO BI
    // -> 12 ok, renewal ok, magnetic media, desensitize, date, AO AA AB AJ AH BT CI BH BV CK CH BK AF.
    public ValueTask<CheckoutResponse> CheckoutAsync(CheckoutRequest request, Sip2RequestContext context)
    {
        lock (gate)
        {
            var (patron, patronRefusal) = FindPatron(request.PatronIdentifier, request.PatronPassword, context);
            if (patron is null)
            {
                return Fail(request, context, patronRefusal);
            }

            var (item, itemRefusal) = FindItem(request.ItemIdentifier, context);
            if (item is null)
            {
                return Fail(request, context, itemRefusal);
            }

            var now = Now(context);
            if (request.NoBlock)
            {
                // Off-line: the kiosk already lent the item. Record it as it happened, whatever the rules say.
                EndLoan(item);
                if (item.NextHold is { } hold && hold.Patron == patron)
                {
                    RemoveHold(hold);
                }

                item.TrappedFor = null;
                item.InTransitTo = null;
                return Answer(Lend(item, patron, request.NbDueDate?.DateTime ?? EndOfDay(now, item.LoanDays), renewal: false, fee: null, context));
            }

            var renewal = item.Loan?.Patron == patron;
            var refusal = CheckoutRefusal(request, patron, item, renewal, now, context);
            if (refusal is { } scenario)
            {
                return Fail(request, context, scenario);
            }

            // A fee-bearing item needs the patron's consent first (BO=Y): refuse, and say what it costs.
            if (item.Data.Fee is { } itemFee && !renewal && request.FeeAcknowledged != true)
            {
                var refused = context.Refuse(request, Sip2MessageScenario.FeeMustBeAcknowledged);
                return Answer(refused with
                {
                    TitleIdentifier = item.Title,
                    FeeType = itemFee.Type,
                    CurrencyType = currency,
                    FeeAmount = Sip2Amount.FromDecimal(itemFee.Amount),
                    MediaType = item.Data.MediaType,
                });
            }

            if (renewal)
            {
                if (item.Loan!.Renewals >= item.MaxRenewals)
                {
                    return Fail(request, context, Sip2MessageScenario.RenewalLimitReached);
                }

                item.Loan.Renewals++;
                item.Loan.Due = EndOfDay(now, item.LoanDays);
                return Answer(Lend(item, patron, item.Loan.Due, renewal: true, fee: null, context));
            }

            if (item.NextHold is { } own && own.Patron == patron)
            {
                RemoveHold(own);
            }

            var charged = item.Data.Fee is { } f ? AddFee(patron, f.Type, f.Amount, item, $"{f.Type}: {item.Title}") : null;
            return Answer(Lend(item, patron, EndOfDay(now, item.LoanDays), renewal: false, charged, context));
        }
    }

    // 09 Checkin: no block, date, return date, AP AO AB AC CH BI
    // -> 10 ok, resensitize, magnetic media, alert, date, AO AB AQ AJ CL AA CK CH AF, and CT CV CY DA for sorters.
    public ValueTask<CheckinResponse> CheckinAsync(CheckinRequest request, Sip2RequestContext context)
    {
        lock (gate)
        {
            var (item, refusal) = FindItem(request.ItemIdentifier, context);
            if (item is null)
            {
                return Fail(request, context, refusal);
            }

            var now = Now(context);
            var borrower = item.Loan?.Patron;
            var messages = new List<string>();
            if (request.Cancel == true)
            {
                // BI=Y: the kiosk could not finish the checkout it reported (the item stayed behind). Undo
                // the loan as if it never happened: no fine, no routing.
                if (item.Loan is null)
                {
                    return Fail(request, context, Sip2MessageScenario.ItemNotCheckedOut);
                }

                EndLoan(item);
                return Answer(new CheckinResponse
                {
                    Ok = true, Resensitize = true, MagneticMedia = item.MagneticMedia, Alert = false, TransactionDate = context.Now,
                    InstitutionId = context.InstitutionId, ItemIdentifier = item.Id, PermanentLocation = item.HomeBranch,
                    TitleIdentifier = item.Title, PatronIdentifier = borrower?.Id, ScreenMessages = ["Checkout cancelled."],
                });
            }

            if (item.Loan is { } loan)
            {
                // Off-line returns are fined by the day they came back, not the day the kiosk reconnected.
                var returned = request.ReturnDate?.DateTime ?? now;
                if (returned > loan.Due && rules.OverdueFinePerDay > 0)
                {
                    var days = (int)Math.Ceiling((returned - loan.Due).TotalDays);
                    var fine = AddFee(loan.Patron, FeeType.Overdue, days * rules.OverdueFinePerDay, item, $"Overdue {days} day(s): {item.Title}");
                    messages.Add($"Returned late: a fine of {Money(fine.Amount)} {currency} was added.");
                }

                EndLoan(item);
            }

            var route = Route(item, context);
            messages.Add(route.Message);
            return Answer(new CheckinResponse
            {
                Ok = true,
                Resensitize = route.Alert is null,
                MagneticMedia = item.MagneticMedia,
                Alert = route.Alert is not null,
                TransactionDate = context.Now,
                InstitutionId = context.InstitutionId,
                ItemIdentifier = item.Id,
                PermanentLocation = item.HomeBranch,
                TitleIdentifier = item.Title,
                SortBin = context.BranchConfiguration.UseSortBin ? route.SortBin : null,
                PatronIdentifier = borrower?.Id,
                MediaType = item.Data.MediaType,
                ItemProperties = item.Properties,
                ScreenMessages = messages,
                CallNumber = item.Data.CallNumber,
                DestinationLocation = route.Destination,
                AlertType = route.Alert,
                HoldPatronId = route.Hold?.Patron.Id,
                HoldPatronName = route.Hold?.Patron.Data.Name,
            });
        }
    }

    // 29 Renew: third party, no block, date, nb due date, AO AA AD AB AJ AC CH BO -> 30 (the layout of 12).
    public ValueTask<RenewResponse> RenewAsync(RenewRequest request, Sip2RequestContext context)
    {
        lock (gate)
        {
            var (patron, patronRefusal) = FindPatron(request.PatronIdentifier, request.PatronPassword, context);
            if (patron is null)
            {
                return Fail(request, context, patronRefusal);
            }

            // By barcode, or by title among the patron's own loans.
            var (item, itemRefusal) = request.ItemIdentifier is { Length: > 0 } barcode
                ? FindItem(barcode, context)
                : (patron.Loans.FirstOrDefault(i => string.Equals(i.Title, request.TitleIdentifier, StringComparison.OrdinalIgnoreCase)), Sip2MessageScenario.ItemNotCheckedOut);
            if (item is null)
            {
                return Fail(request, context, itemRefusal);
            }

            var now = Now(context);
            if (item.Loan is null)
            {
                return Fail(request, context, Sip2MessageScenario.ItemNotCheckedOut);
            }

            if (item.Loan.Patron != patron && !request.ThirdPartyAllowed)
            {
                return Fail(request, context, Sip2MessageScenario.ItemCheckedOutToAnotherPatron);
            }

            if (!request.NoBlock && RenewalRefusal(item, now) is { } refusal)
            {
                return Fail(request, context, refusal);
            }

            var loan = item.Loan;
            loan.Renewals++;
            loan.Due = request.NoBlock && request.NbDueDate is { } given ? given.DateTime : EndOfDay(now, item.LoanDays);
            return Answer(new RenewResponse
            {
                Ok = true,
                RenewalOk = true,
                MagneticMedia = item.MagneticMedia,
                Desensitize = true,
                TransactionDate = context.Now,
                InstitutionId = context.InstitutionId,
                PatronIdentifier = loan.Patron.Id,
                ItemIdentifier = item.Id,
                TitleIdentifier = item.Title,
                DueDate = Date(loan.Due),
                MediaType = item.Data.MediaType,
                ScreenMessages = [$"Renewed until {loan.Due:yyyy-MM-dd}."],
            });
        }
    }

    // 65 Renew All: date, AO AA AD AC BO -> 66 ok, renewed count, unrenewed count, date, AO BM* BN* AF.
    public ValueTask<RenewAllResponse> RenewAllAsync(RenewAllRequest request, Sip2RequestContext context)
    {
        lock (gate)
        {
            var (patron, refusal) = FindPatron(request.PatronIdentifier, request.PatronPassword, context);
            if (patron is null)
            {
                return Fail(request, context, refusal);
            }

            var now = Now(context);
            var renewed = new List<string>();
            var unrenewed = new List<string>();
            foreach (var item in patron.Loans)
            {
                if (RenewalRefusal(item, now) is null)
                {
                    item.Loan!.Renewals++;
                    item.Loan.Due = EndOfDay(now, item.LoanDays);
                    renewed.Add(item.Id);
                }
                else
                {
                    unrenewed.Add(item.Id);
                }
            }

            return Answer(new RenewAllResponse
            {
                Ok = true,
                RenewedCount = renewed.Count,
                UnrenewedCount = unrenewed.Count,
                TransactionDate = context.Now,
                InstitutionId = context.InstitutionId,
                RenewedItems = renewed,
                UnrenewedItems = unrenewed,
                ScreenMessages = [$"{renewed.Count} item(s) renewed, {unrenewed.Count} not renewed."],
            });
        }
    }

    private static Sip2MessageScenario? CheckoutRefusal(CheckoutRequest request, Patron patron, Item item, bool renewal, DateTime now, Sip2RequestContext context)
    {
        if (BorrowingRefusal(patron, now, newLoan: !renewal) is { } patronRefusal)
        {
            return patronRefusal;
        }

        if (!item.Data.Circulates || item.ShelfStatus != CirculationStatus.Available)
        {
            return Sip2MessageScenario.ItemNotCirculating;
        }

        if (item.Loan is { } loan && loan.Patron != patron)
        {
            return Sip2MessageScenario.ItemCheckedOutToAnotherPatron;
        }

        if (renewal && !request.ScRenewalPolicy)
        {
            return Sip2MessageScenario.RenewalNotAllowed;
        }

        if (renewal && item.Holds.Count > 0)
        {
            return Sip2MessageScenario.RenewalNotAllowed;
        }

        if (item.InTransitTo is not null)
        {
            return Sip2MessageScenario.ItemNeedsAttention;
        }

        if (item.NextHold is { } hold && !renewal)
        {
            if (hold.Patron != patron)
            {
                return Sip2MessageScenario.ItemOnHoldForAnotherPatron;
            }

            if (item.TrappedFor == hold && !context.BranchConfiguration.AvailableHoldAllowed)
            {
                return Sip2MessageScenario.AvailableHoldNotAllowed;
            }
        }

        return null;
    }

    private static Sip2MessageScenario? RenewalRefusal(Item item, DateTime now)
    {
        var patron = item.Loan!.Patron;
        if (patron.Blocked || patron.CardLost || patron.IsExpired(now))
        {
            return patron.IsExpired(now) ? Sip2MessageScenario.PatronCardExpired : Sip2MessageScenario.PatronBlocked;
        }

        if (patron.AmountOwed > patron.FeeLimit)
        {
            return Sip2MessageScenario.PatronFeeLimitExceeded;
        }

        if (item.Holds.Count > 0)
        {
            // Someone is waiting for it.
            return Sip2MessageScenario.RenewalNotAllowed;
        }

        return item.Loan.Renewals >= item.MaxRenewals ? Sip2MessageScenario.RenewalLimitReached : null;
    }

    private CheckoutResponse Lend(Item item, Patron patron, DateTime due, bool renewal, Fee? fee, Sip2RequestContext context)
    {
        if (!renewal)
        {
            item.Loan = new Loan { Patron = patron, Due = due };
            patron.Loans.Add(item);
        }

        return new CheckoutResponse
        {
            Ok = true,
            RenewalOk = renewal,
            MagneticMedia = item.MagneticMedia,
            Desensitize = true,
            TransactionDate = context.Now,
            InstitutionId = context.InstitutionId,
            PatronIdentifier = patron.Id,
            ItemIdentifier = item.Id,
            TitleIdentifier = item.Title,
            DueDate = Date(due),
            FeeType = fee?.Type,
            CurrencyType = fee is null ? null : currency,
            FeeAmount = fee is null ? null : Sip2Amount.FromDecimal(fee.Amount),
            TransactionId = fee?.Id,
            MediaType = item.Data.MediaType,
            ItemProperties = item.Properties,
            ScreenMessages = [renewal ? $"Renewed until {due:yyyy-MM-dd}." : $"Due back {due:yyyy-MM-dd}."],
        };
    }

    /// <summary>
    /// Where a returned item goes: to the hold shelf here, to another branch for a hold, home to its own
    /// branch, or back on the shelf. Sets the item's state and says what the kiosk or sorter should do.
    /// </summary>
    private Routing Route(Item item, Sip2RequestContext context)
    {
        var here = context.BranchId;
        bool IsHere(string branch) => string.Equals(branch, here, StringComparison.OrdinalIgnoreCase);

        if (item.NextHold is { } hold)
        {
            item.TrappedFor = hold;
            if (IsHere(hold.PickupBranch))
            {
                item.InTransitTo = null;
                item.CurrentBranch = here;
                hold.ShelfUntil ??= EndOfDay(Now(context), rules.HoldShelfDays);
                return new(AlertType.HoldForThisLibrary, rules.SortBins.Hold, null, hold, $"Hold for {hold.Patron.Data.Name}: put on the hold shelf.");
            }

            item.InTransitTo = hold.PickupBranch;
            item.CurrentBranch = here;
            return new(AlertType.HoldForOtherBranch, rules.SortBins.Transit, hold.PickupBranch, hold, $"Hold: send to {hold.PickupBranch}.");
        }

        if (!IsHere(item.HomeBranch) || !string.Equals(item.Institution, context.InstitutionId, StringComparison.OrdinalIgnoreCase))
        {
            item.InTransitTo = item.HomeBranch;
            item.CurrentBranch = here;
            return new(AlertType.SendToOtherBranch, rules.SortBins.Transit, item.HomeBranch, null, $"Send to {item.Institution} {item.HomeBranch}.");
        }

        item.InTransitTo = null;
        item.CurrentBranch = here;
        return new(null, rules.SortBins.Reshelve, null, null, "Checked in. Thank you.");
    }

    private readonly record struct Routing(AlertType? Alert, string SortBin, string? Destination, Hold? Hold, string Message);
}
