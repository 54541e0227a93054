using System;
using System.Collections.Generic;
using System.Linq;
using Sip2.Net.Messages;

namespace Sip2.Net.SampleHost.Library;

// The library system's mutable records. They are only touched under InMemoryLibrarySystem's lock, so they
// need no synchronisation of their own.

internal sealed class Patron(PatronData data, CirculationRules rules)
{
    public PatronData Data { get; } = data;

    public string Id => Data.Id;

    public string Institution => Data.Institution;

    public bool Blocked { get; set; } = data.Blocked;

    public bool CardLost { get; set; } = data.CardLost;

    public List<Fee> Fees { get; } = [];

    public List<Item> Loans { get; } = [];

    public List<Hold> Holds { get; } = [];

    public int ChargeLimit => Data.ChargeLimit ?? rules.ChargeLimit;

    public int OverdueLimit => Data.OverdueLimit ?? rules.OverdueLimit;

    public int HoldLimit => Data.HoldLimit ?? rules.HoldLimit;

    public decimal FeeLimit => Data.FeeLimit ?? rules.FeeLimit;

    public decimal AmountOwed => Fees.Sum(f => f.Amount);

    public bool IsExpired(DateTime now) => Data.Expires is { } expires && DateOnly.FromDateTime(now) > expires;

    public IEnumerable<Item> Overdue(DateTime now) => Loans.Where(i => i.Loan!.Due < now);

    /// <summary>
    /// A wrong PIN refuses; no PIN (the kiosk checked it earlier, or the patron has none) is accepted.
    /// Compared in constant time, although the PIN is short, to set the example.
    /// </summary>
    public bool PinMatches(string? given) =>
        string.IsNullOrEmpty(given) || (Data.Pin is { } pin && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(pin), System.Text.Encoding.UTF8.GetBytes(given)));

    /// <summary>The 14 patron status flags, derived from the record on every request.</summary>
    public PatronStatus Status(DateTime now)
    {
        var status = PatronStatus.None;
        if (Blocked || CardLost)
        {
            status |= PatronStatus.ChargePrivilegesDenied | PatronStatus.RenewalPrivilegesDenied | PatronStatus.RecallPrivilegesDenied | PatronStatus.HoldPrivilegesDenied;
        }

        if (CardLost)
        {
            status |= PatronStatus.CardReportedLost;
        }

        if (IsExpired(now))
        {
            status |= PatronStatus.ChargePrivilegesDenied | PatronStatus.RenewalPrivilegesDenied | PatronStatus.HoldPrivilegesDenied;
        }

        if (Loans.Count >= ChargeLimit)
        {
            status |= PatronStatus.TooManyItemsCharged;
        }

        if (Overdue(now).Count() >= OverdueLimit)
        {
            status |= PatronStatus.TooManyItemsOverdue | PatronStatus.ChargePrivilegesDenied;
        }

        if (AmountOwed > FeeLimit)
        {
            status |= PatronStatus.ChargePrivilegesDenied
                | (Fees.Any(f => f.Type == FeeType.Overdue) ? PatronStatus.ExcessiveOutstandingFines : PatronStatus.ExcessiveOutstandingFees);
        }

        return status;
    }
}

internal sealed class Fee
{
    public required string Id { get; init; }

    public required FeeType Type { get; init; }

    public required decimal Amount { get; set; }

    public string? ItemId { get; init; }

    public required string Description { get; init; }
}

internal sealed class Item(ItemData data, CirculationRules rules)
{
    public ItemData Data { get; } = data;

    public string Id => Data.Id;

    public string Institution => Data.Institution;

    public string Title => Data.Title;

    public string HomeBranch => Data.Branch;

    /// <summary>A status other than a loan or a hold (Available, Lost, Missing ...).</summary>
    public CirculationStatus ShelfStatus { get; set; } = data.Status;

    public Loan? Loan { get; set; }

    /// <summary>The hold queue, oldest first.</summary>
    public List<Hold> Holds { get; } = [];

    /// <summary>The hold the item has been set aside for (on the shelf, or travelling to its pickup branch).</summary>
    public Hold? TrappedFor { get; set; }

    /// <summary>The branch the item travels to, or null when it is where it belongs.</summary>
    public string? InTransitTo { get; set; }

    /// <summary>The last branch the item was checked in at (AP).</summary>
    public string CurrentBranch { get; set; } = data.Branch;

    public string? Properties { get; set; } = data.Properties;

    public int LoanDays => Data.LoanDays ?? rules.LoanDays;

    public int MaxRenewals => Data.MaxRenewals ?? rules.MaxRenewals;

    public bool MagneticMedia => Data.MediaType is MediaType.AudioTape or MediaType.VideoTape or MediaType.Diskette
        or MediaType.BookWithAudioTape or MediaType.BookWithDiskette;

    public CirculationStatus Status =>
        Loan is not null ? CirculationStatus.Charged
        : InTransitTo is not null ? CirculationStatus.InTransit
        : TrappedFor is not null ? CirculationStatus.WaitingOnHoldShelf
        : ShelfStatus;

    /// <summary>The hold that decides who may borrow the item next: the trapped one, else the head of the queue.</summary>
    public Hold? NextHold => TrappedFor ?? Holds.FirstOrDefault();
}

internal sealed class Loan
{
    public required Patron Patron { get; init; }

    public required DateTime Due { get; set; }

    public int Renewals { get; set; }
}

internal sealed class Hold
{
    public required Patron Patron { get; init; }

    public required Item Item { get; init; }

    public required string PickupBranch { get; set; }

    public required DateTime Expires { get; set; }

    /// <summary>Until when the item waits on the hold shelf, once it is there.</summary>
    public DateTime? ShelfUntil { get; set; }
}
