using System.Collections.Generic;
using System.Text.Json.Serialization;
using Sip2.Net.Messages;

namespace Sip2.Net.SampleHost.Library;

// The shape of the library data file (docs/sample-host.md). Read once at start-up by LibraryDataFile;
// the library system copies it into its own mutable state, so these records never change.

internal sealed record LibraryData
{
    /// <summary>ISO 4217 code of every amount in the file and on the wire (BH).</summary>
    public string Currency { get; init; } = "EUR";

    public CirculationRules Rules { get; init; } = new();

    public IReadOnlyList<PatronData> Patrons { get; init; } = [];

    public IReadOnlyList<ItemData> Items { get; init; } = [];

    public IReadOnlyList<LoanData> Loans { get; init; } = [];

    public IReadOnlyList<HoldData> Holds { get; init; } = [];
}

/// <summary>Defaults for every patron and item that does not set its own.</summary>
internal sealed record CirculationRules
{
    public int LoanDays { get; init; } = 21;

    public int MaxRenewals { get; init; } = 2;

    public int ChargeLimit { get; init; } = 20;

    public int OverdueLimit { get; init; } = 5;

    public int HoldLimit { get; init; } = 10;

    public decimal FeeLimit { get; init; } = 10m;

    /// <summary>Charged per started day late when an overdue item comes back.</summary>
    public decimal OverdueFinePerDay { get; init; } = 0.25m;

    /// <summary>How long a trapped hold waits on the hold shelf (CM).</summary>
    public int HoldShelfDays { get; init; } = 7;

    /// <summary>How long a new hold lasts when the request gives no expiration date (BW).</summary>
    public int HoldExpiryDays { get; init; } = 180;

    public SortBins SortBins { get; init; } = new();
}

/// <summary>The sort bin (CL) for each routing reason, sent when the branch has UseSortBin.</summary>
internal sealed record SortBins
{
    public string Reshelve { get; init; } = "1";

    public string Hold { get; init; } = "2";

    public string Transit { get; init; } = "3";
}

internal sealed record PatronData
{
    [JsonRequired] public string Id { get; init; } = "";

    [JsonRequired] public string Institution { get; init; } = "";

    [JsonRequired] public string Name { get; init; } = "";

    /// <summary>The patron's PIN (AD); null for a patron without one.</summary>
    public string? Pin { get; init; }

    /// <summary>Default pickup branch for holds.</summary>
    public string? HomeBranch { get; init; }

    public string? Address { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    /// <summary>Sent as PB to Envisionware clients, as written (YYYYMMDD).</summary>
    public string? BirthDate { get; init; }

    public string? PatronClass { get; init; }

    public string? InternetProfile { get; init; }

    public Sip2Language Language { get; init; } = Sip2Language.English;

    /// <summary>Card expiry (yyyy-MM-dd); the card is valid through that day. Null: never expires.</summary>
    public System.DateOnly? Expires { get; init; }

    public bool Blocked { get; init; }

    public bool CardLost { get; init; }

    public int? ChargeLimit { get; init; }

    public int? OverdueLimit { get; init; }

    public int? HoldLimit { get; init; }

    public decimal? FeeLimit { get; init; }

    public IReadOnlyList<FeeData> Fees { get; init; } = [];
}

internal sealed record FeeData
{
    [JsonRequired] public string Id { get; init; } = "";

    public FeeType Type { get; init; } = FeeType.Other;

    [JsonRequired] public decimal Amount { get; init; }

    public string? Item { get; init; }

    public string? Description { get; init; }
}

internal sealed record ItemData
{
    [JsonRequired] public string Id { get; init; } = "";

    [JsonRequired] public string Title { get; init; } = "";

    /// <summary>The owning institution; for an interlibrary-loan item, the institution holding it for the patron.</summary>
    [JsonRequired] public string Institution { get; init; } = "";

    /// <summary>The home branch (permanent location, AQ).</summary>
    [JsonRequired] public string Branch { get; init; } = "";

    public string? CallNumber { get; init; }

    public string? Collection { get; init; }

    public MediaType MediaType { get; init; } = MediaType.Book;

    /// <summary>A status that is not a loan or a hold: Available (default), InProcess, OnOrder, Lost, Missing, ClaimedReturned.</summary>
    public CirculationStatus Status { get; init; } = CirculationStatus.Available;

    /// <summary>False for reference copies: they can be viewed but not checked out.</summary>
    public bool Circulates { get; init; } = true;

    public int? LoanDays { get; init; }

    public int? MaxRenewals { get; init; }

    /// <summary>A fee charged at checkout (a rental), which the patron must acknowledge first (BO).</summary>
    public ItemFeeData? Fee { get; init; }

    /// <summary>A temporary item created for an interlibrary loan: only whole-group sessions may see it.</summary>
    public bool InterlibraryLoan { get; init; }

    /// <summary>Item properties (CH), changed by Item Status Update (19).</summary>
    public string? Properties { get; init; }
}

internal sealed record ItemFeeData
{
    public FeeType Type { get; init; } = FeeType.Rental;

    [JsonRequired] public decimal Amount { get; init; }
}

internal sealed record LoanData
{
    [JsonRequired] public string Item { get; init; } = "";

    [JsonRequired] public string Patron { get; init; } = "";

    /// <summary>Due date relative to start-up, so the demo data never goes stale: negative is overdue.</summary>
    public int DueInDays { get; init; } = 14;

    public int Renewals { get; init; }
}

internal sealed record HoldData
{
    [JsonRequired] public string Item { get; init; } = "";

    [JsonRequired] public string Patron { get; init; } = "";

    /// <summary>The pickup branch; default: the patron's home branch.</summary>
    public string? PickupBranch { get; init; }

    /// <summary>True when the item already waits on the hold shelf for this patron (it must not be on loan).</summary>
    public bool OnShelf { get; init; }
}
