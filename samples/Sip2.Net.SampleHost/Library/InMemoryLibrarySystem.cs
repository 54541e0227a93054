using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Messages;
using Sip2.Net.Resolution;
using Sip2.Net.Server;

namespace Sip2.Net.SampleHost.Library;

/// <summary>
/// A small library system held in memory: patrons, items, loans, holds and fees, with circulation rules.
/// Every SIP2 request is one operation under one lock, so concurrent kiosks see a consistent library
/// (two kiosks checking out the same item: exactly one wins). Split by concern into partial files:
/// patrons, circulation (checkout, checkin, renew), items and holds.
/// </summary>
internal sealed partial class InMemoryLibrarySystem : ISip2Backend
{
    private readonly object gate = new(); // one operation at a time over the whole library
    private readonly Dictionary<string, Patron> patrons = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Item> items = new(StringComparer.OrdinalIgnoreCase);
    private readonly CirculationRules rules;
    private readonly string currency;
    private int nextFeeNumber = 1;
    private int nextPaymentNumber = 1;

    public InMemoryLibrarySystem(LibraryData data, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(timeProvider);
        rules = data.Rules;
        currency = data.Currency;
        var now = timeProvider.GetLocalNow().DateTime;

        foreach (var p in data.Patrons)
        {
            var patron = new Patron(p, rules);
            patron.Fees.AddRange(p.Fees.Select(f => new Fee { Id = f.Id, Type = f.Type, Amount = f.Amount, ItemId = f.Item, Description = f.Description ?? f.Type.ToString() }));
            patrons.Add(p.Id, patron);
        }

        foreach (var i in data.Items)
        {
            items.Add(i.Id, new Item(i, rules));
        }

        foreach (var l in data.Loans)
        {
            var item = items[l.Item];
            var patron = patrons[l.Patron];
            item.Loan = new Loan { Patron = patron, Due = EndOfDay(now, l.DueInDays), Renewals = l.Renewals };
            patron.Loans.Add(item);
        }

        foreach (var h in data.Holds)
        {
            var item = items[h.Item];
            var patron = patrons[h.Patron];
            var hold = new Hold { Patron = patron, Item = item, PickupBranch = h.PickupBranch ?? patron.Data.HomeBranch ?? item.HomeBranch, Expires = EndOfDay(now, rules.HoldExpiryDays) };
            item.Holds.Add(hold);
            patron.Holds.Add(hold);
            if (h.OnShelf)
            {
                item.TrappedFor = hold;
                hold.ShelfUntil = EndOfDay(now, rules.HoldShelfDays);
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<string?> FindPatronInstitutionAsync(string patronIdentifier, Sip2RequestContext context)
    {
        lock (gate)
        {
            return new(patrons.TryGetValue(patronIdentifier, out var patron) ? patron.Institution : null);
        }
    }

    /// <inheritdoc/>
    public ValueTask<Sip2ItemOwner?> FindItemOwnerAsync(string itemIdentifier, Sip2RequestContext context)
    {
        lock (gate)
        {
            return new(items.TryGetValue(itemIdentifier, out var item) ? new Sip2ItemOwner(item.Institution, item.Data.InterlibraryLoan) : null);
        }
    }

    /// <summary>A snapshot for tests and diagnostics: the item's status as the library sees it now.</summary>
    public CirculationStatus GetItemStatus(string itemId)
    {
        lock (gate)
        {
            return items[itemId].Status;
        }
    }

    /// <summary>A snapshot for tests and diagnostics: who has the item, or null.</summary>
    public string? GetBorrower(string itemId)
    {
        lock (gate)
        {
            return items[itemId].Loan?.Patron.Id;
        }
    }

    /// <summary>A snapshot for tests and diagnostics: the patron's outstanding fees (id, amount).</summary>
    public IReadOnlyList<(string Id, decimal Amount)> GetFees(string patronId)
    {
        lock (gate)
        {
            return patrons[patronId].Fees.Select(f => (f.Id, f.Amount)).ToArray();
        }
    }

    // Due dates and expiry dates fall at the end of a day, as libraries print them.
    private static DateTime EndOfDay(DateTime now, int days) => now.Date.AddDays(days + 1).AddSeconds(-1);

    private static DateTime Now(Sip2RequestContext context) => context.Now.DateTime;

    private static string Date(DateTime value) => Sip2Timestamp.Local(value).ToString();

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static ValueTask<T> Answer<T>(T response) => new(response);

    private static ValueTask<T> Fail<T>(Sip2Request<T> request, Sip2RequestContext context, Sip2MessageScenario scenario)
        where T : Sip2Message => new(context.Refuse(request, scenario));

    /// <summary>
    /// Finds a patron the session may serve: known, in scope for the session's resolution level, and (when a
    /// PIN is given) with the right PIN. The refusal names the scenario whose text the kiosk shows.
    /// </summary>
    private (Patron? Patron, Sip2MessageScenario Refusal) FindPatron(string? id, string? pin, Sip2RequestContext context, bool checkPin = true)
    {
        if (id is null || !patrons.TryGetValue(id, out var patron))
        {
            return (null, Sip2MessageScenario.PatronNotFound);
        }

        var decision = context.ResolvePatron(patron.Institution);
        if (!decision.IsInScope)
        {
            return (null, decision.Scenario ?? Sip2MessageScenario.PatronOutOfScope);
        }

        return checkPin && !patron.PinMatches(pin) ? (null, Sip2MessageScenario.InvalidPatronPassword) : (patron, default);
    }

    /// <summary>Finds an item the session may see; an interlibrary-loan item is a whole-group privilege.</summary>
    private (Item? Item, Sip2MessageScenario Refusal) FindItem(string? id, Sip2RequestContext context)
    {
        if (id is null || !items.TryGetValue(id, out var item))
        {
            return (null, Sip2MessageScenario.ItemNotFound);
        }

        var decision = item.Data.InterlibraryLoan ? context.ResolveInterlibraryLoanItem(item.Institution) : context.ResolveItem(item.Institution);
        return decision.IsInScope ? (item, default) : (null, decision.Scenario ?? Sip2MessageScenario.ItemOutOfScope);
    }

    /// <summary>Why a patron may not borrow or renew right now, or null.</summary>
    private static Sip2MessageScenario? BorrowingRefusal(Patron patron, DateTime now, bool newLoan)
    {
        if (patron.Blocked || patron.CardLost)
        {
            return Sip2MessageScenario.PatronBlocked;
        }

        if (patron.IsExpired(now))
        {
            return Sip2MessageScenario.PatronCardExpired;
        }

        if (patron.AmountOwed > patron.FeeLimit)
        {
            return Sip2MessageScenario.PatronFeeLimitExceeded;
        }

        if (patron.Overdue(now).Count() >= patron.OverdueLimit)
        {
            return Sip2MessageScenario.PatronOverdueLimitReached;
        }

        return newLoan && patron.Loans.Count >= patron.ChargeLimit ? Sip2MessageScenario.PatronItemLimitReached : null;
    }

    private Fee AddFee(Patron patron, FeeType type, decimal amount, Item? item, string description)
    {
        string id;
        do
        {
            id = string.Create(CultureInfo.InvariantCulture, $"F{nextFeeNumber++:D5}");
        }
        while (patrons.Values.Any(p => p.Fees.Any(f => string.Equals(f.Id, id, StringComparison.OrdinalIgnoreCase))));

        var fee = new Fee { Id = id, Type = type, Amount = amount, ItemId = item?.Id, Description = description };
        patron.Fees.Add(fee);
        return fee;
    }

    private static void EndLoan(Item item)
    {
        if (item.Loan is { } loan)
        {
            loan.Patron.Loans.Remove(item);
            item.Loan = null;
        }
    }

    private static void RemoveHold(Hold hold)
    {
        hold.Item.Holds.Remove(hold);
        hold.Patron.Holds.Remove(hold);
        if (hold.Item.TrappedFor == hold)
        {
            // The copy is no longer set aside: it goes back to circulation (the next checkin routes it again).
            hold.Item.TrappedFor = null;
            hold.Item.InTransitTo = null;
        }
    }
}
