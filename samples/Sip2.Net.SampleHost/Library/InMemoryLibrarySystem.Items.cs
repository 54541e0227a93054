using System;
using System.Linq;
using System.Threading.Tasks;
using Sip2.Net.Messages;
using Sip2.Net.Resolution;
using Sip2.Net.Server;

namespace Sip2.Net.SampleHost.Library;

internal sealed partial class InMemoryLibrarySystem
{
    // 17 Item Information: date, AO AB AC
    // -> 18 circulation status, security marker, fee type, date, CF AH CJ CM AB AJ BG BH BV CK AQ AP CH AF.
    public ValueTask<ItemInformationResponse> ItemInformationAsync(ItemInformationRequest request, Sip2RequestContext context)
    {
        lock (gate)
        {
            var (item, refusal) = FindItem(request.ItemIdentifier, context);
            if (item is null)
            {
                return Fail(request, context, refusal);
            }
            var trapped = item.TrappedFor;
            return Answer(new ItemInformationResponse
            {
                CirculationStatus = item.Status,
                SecurityMarker = SecurityMarker.TattleTape,
                FeeType = item.Data.Fee?.Type ?? FeeType.Other,
                TransactionDate = context.Now,
                HoldQueueLength = item.Holds.Count,
                DueDate = item.Loan is { } loan ? Date(loan.Due) : null,
                HoldPickupDate = trapped?.ShelfUntil is { } until ? Sip2Timestamp.Local(until) : null,
                ItemIdentifier = item.Id,
                TitleIdentifier = item.Title,
                Owner = item.Institution,
                CurrencyType = item.Data.Fee is null ? null : currency,
                FeeAmount = item.Data.Fee is { } fee ? Sip2Amount.FromDecimal(fee.Amount) : null,
                MediaType = item.Data.MediaType,
                PermanentLocation = item.HomeBranch,
                CurrentLocation = item.CurrentBranch,
                ItemProperties = item.Properties,
                CallNumber = item.Data.CallNumber,
                DestinationLocation = item.InTransitTo,
                HoldPatronId = trapped?.Patron.Id,
                HoldPatronName = trapped?.Patron.Data.Name,
            });
        }
    }

    // 19 Item Status Update: date, AO AB AC CH -> 20 ok, date, AB AJ CH AF. Stores the item properties.
    public ValueTask<ItemStatusUpdateResponse> ItemStatusUpdateAsync(ItemStatusUpdateRequest request, Sip2RequestContext context)
    {
        lock (gate)
        {
            var (item, refusal) = FindItem(request.ItemIdentifier, context);
            if (item is null)
            {
                return Fail(request, context, refusal);
            }

            item.Properties = request.ItemProperties;
            return Answer(new ItemStatusUpdateResponse
            {
                ItemPropertiesOk = true,
                TransactionDate = context.Now,
                ItemIdentifier = item.Id,
                TitleIdentifier = item.Title,
                ItemProperties = item.Properties,
            });
        }
    }

    // 15 Hold: mode (+ - *), date, BW BS BY AO AA AD AB AJ AC BO
    // -> 16 ok, available, date, BW BR BS AO AA AB AJ AF.
    public ValueTask<HoldResponse> HoldAsync(HoldRequest request, Sip2RequestContext context)
    {
        lock (gate)
        {
            var (patron, patronRefusal) = FindPatron(request.PatronIdentifier, request.PatronPassword, context);
            if (patron is null)
            {
                return Fail(request, context, patronRefusal);
            }

            var now = Now(context);
            var existing = patron.Holds.FirstOrDefault(h => Matches(h.Item, request));
            switch (request.HoldMode)
            {
                case HoldMode.Delete:
                    if (existing is null)
                    {
                        return Fail(request, context, Sip2MessageScenario.HoldNotPlaced);
                    }

                    RemoveHold(existing);
                    return Answer(HoldAnswer(existing, context, queuePosition: null, "Hold cancelled."));

                case HoldMode.Change:
                    if (existing is null)
                    {
                        return Fail(request, context, Sip2MessageScenario.HoldNotPlaced);
                    }

                    // A hold already set aside keeps its pickup branch: the copy is on its way or on the shelf.
                    if (request.PickupLocation is { Length: > 0 } pickup && existing.Item.TrappedFor != existing)
                    {
                        existing.PickupBranch = pickup;
                    }

                    if (request.ExpirationDate is { } expires)
                    {
                        existing.Expires = expires.DateTime;
                    }

                    return Answer(HoldAnswer(existing, context, existing.Item.Holds.IndexOf(existing) + 1, "Hold changed."));

                case HoldMode.Add:
                    break;

                default:
                    return Fail(request, context, Sip2MessageScenario.HoldNotPlaced);
            }

            // A title hold takes a copy the session may see, preferring one of the session's institution.
            var (item, itemRefusal) = request.ItemIdentifier is { Length: > 0 } barcode
                ? FindItem(barcode, context)
                : (items.Values
                    .Where(i => string.Equals(i.Title, request.TitleIdentifier, StringComparison.OrdinalIgnoreCase) && FindItem(i.Id, context).Item is not null)
                    .OrderByDescending(i => string.Equals(i.Institution, context.InstitutionId, StringComparison.OrdinalIgnoreCase))
                    .ThenBy(i => i.Holds.Count)
                    .FirstOrDefault(), Sip2MessageScenario.ItemNotFound);
            if (item is null)
            {
                return Fail(request, context, itemRefusal);
            }

            var refusal = patron.Blocked || patron.CardLost ? Sip2MessageScenario.PatronBlocked
                : patron.IsExpired(now) ? Sip2MessageScenario.PatronCardExpired
                : !item.Data.Circulates || item.ShelfStatus != CirculationStatus.Available ? Sip2MessageScenario.ItemNotCirculating
                : existing is not null || item.Loan?.Patron == patron || patron.Holds.Count >= patron.HoldLimit ? Sip2MessageScenario.HoldNotPlaced
                : (Sip2MessageScenario?)null;
            if (refusal is { } scenario)
            {
                return Fail(request, context, scenario);
            }

            var hold = new Hold
            {
                Patron = patron,
                Item = item,
                PickupBranch = request.PickupLocation is { Length: > 0 } at ? at : context.BranchId,
                Expires = request.ExpirationDate?.DateTime ?? EndOfDay(now, rules.HoldExpiryDays),
            };
            item.Holds.Add(hold);
            patron.Holds.Add(hold);
            var position = item.Holds.Count;
            var available = position == 1 && item.Status == CirculationStatus.Available;
            return Answer(HoldAnswer(hold, context, position, available
                ? "Hold placed: the item is on the shelf now."
                : $"Hold placed: number {position} in the queue.") with { Available = available });
        }
    }

    private static bool Matches(Item item, HoldRequest request) =>
        request.ItemIdentifier is { Length: > 0 } barcode
            ? string.Equals(item.Id, barcode, StringComparison.OrdinalIgnoreCase)
            : string.Equals(item.Title, request.TitleIdentifier, StringComparison.OrdinalIgnoreCase);

    private static HoldResponse HoldAnswer(Hold hold, Sip2RequestContext context, int? queuePosition, string message) => new()
    {
        Ok = true,
        Available = false,
        TransactionDate = context.Now,
        ExpirationDate = Sip2Timestamp.Local(hold.Expires),
        QueuePosition = queuePosition,
        PickupLocation = hold.PickupBranch,
        InstitutionId = context.InstitutionId,
        PatronIdentifier = hold.Patron.Id,
        ItemIdentifier = hold.Item.Id,
        TitleIdentifier = hold.Item.Title,
        ScreenMessages = [message],
    };
}
