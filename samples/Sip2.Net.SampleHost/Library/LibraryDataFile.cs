using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sip2.Net.SampleHost.Library;

/// <summary>Reads and checks the library data file; any problem becomes a <see cref="SampleHostStartupException"/> naming the file.</summary>
internal static class LibraryDataFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A misspelt key is an error, not a silently ignored setting.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: true) },
    };

    public static LibraryData Load(string path, IEnumerable<string> institutionIds)
    {
        LibraryData? data;
        try
        {
            using var stream = File.OpenRead(path);
            data = JsonSerializer.Deserialize<LibraryData>(stream, Options);
        }
        catch (JsonException e)
        {
            // JsonException counts lines and bytes from 0; editors count from 1.
            var where = e.LineNumber is { } line ? $"{path}:{line + 1}:{(e.BytePositionInLine ?? 0) + 1}" : path;
            throw new SampleHostStartupException($"{where}: {Describe(e)}", e);
        }
        catch (IOException e)
        {
            throw new SampleHostStartupException($"{path}: cannot read the library data file: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SampleHostStartupException($"{path}: cannot read the library data file: {e.Message}", e);
        }

        if (data is null)
        {
            throw new SampleHostStartupException($"{path}: the library data file is empty (null).");
        }

        var problems = Validate(data, new HashSet<string>(institutionIds, StringComparer.OrdinalIgnoreCase));
        if (problems.Count > 0)
        {
            throw new SampleHostStartupException($"{path}: {problems.Count} problem(s) in the library data:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
        }

        return data;
    }

    // The serializer's message ends with "Path: ... | LineNumber: ... | BytePositionInLine: ...", which the
    // prefix already says; keep the reason and the JSON path.
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd(' ', '|', '.') + ".";
    }

    private static List<string> Validate(LibraryData data, HashSet<string> institutions)
    {
        var problems = new List<string>();
        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }

        Check(data.Currency is { Length: 3 } && data.Currency.All(char.IsAsciiLetterUpper), $"currency: '{data.Currency}' is not a three-letter ISO 4217 code.");
        var rules = data.Rules;
        Check(rules.LoanDays > 0 && rules.MaxRenewals >= 0 && rules.ChargeLimit > 0 && rules.OverdueLimit > 0 && rules.HoldLimit > 0
            && rules.FeeLimit >= 0 && rules.OverdueFinePerDay >= 0 && rules.HoldShelfDays > 0 && rules.HoldExpiryDays > 0,
            "rules: loan days, limits and shelf days must be positive; renewals, fee limit and fine zero or more.");

        var patrons = new Dictionary<string, PatronData>(StringComparer.OrdinalIgnoreCase);
        var feeIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < data.Patrons.Count; i++)
        {
            var patron = data.Patrons[i];
            var at = $"patrons[{i}] ({patron.Id})";
            Check(!string.IsNullOrWhiteSpace(patron.Id), $"patrons[{i}]: the id is empty.");
            Check(patrons.TryAdd(patron.Id, patron), $"{at}: duplicate patron id.");
            Check(institutions.Contains(patron.Institution), $"{at}: institution '{patron.Institution}' is not configured (Sip2:Institutions).");
            Check(!string.IsNullOrWhiteSpace(patron.Name), $"{at}: the name is empty.");
            foreach (var fee in patron.Fees)
            {
                Check(feeIds.Add(fee.Id), $"{at}: duplicate fee id '{fee.Id}'.");
                Check(fee.Amount > 0, $"{at}: fee '{fee.Id}' must have a positive amount.");
            }
        }

        var items = new Dictionary<string, ItemData>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < data.Items.Count; i++)
        {
            var item = data.Items[i];
            var at = $"items[{i}] ({item.Id})";
            Check(!string.IsNullOrWhiteSpace(item.Id), $"items[{i}]: the id is empty.");
            Check(items.TryAdd(item.Id, item), $"{at}: duplicate item barcode.");
            Check(institutions.Contains(item.Institution), $"{at}: owner institution '{item.Institution}' is not configured (Sip2:Institutions).");
            Check(!string.IsNullOrWhiteSpace(item.Branch), $"{at}: the branch is empty.");
            Check(item.Status is not (Messages.CirculationStatus.Charged or Messages.CirculationStatus.ChargedNotToBeRecalled or Messages.CirculationStatus.WaitingOnHoldShelf or Messages.CirculationStatus.InTransit),
                $"{at}: status {item.Status} comes from loans and holds; give a loan or a hold instead.");
            Check(item.Fee is null || item.Fee.Amount > 0, $"{at}: the checkout fee must be positive.");
        }

        var onLoan = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < data.Loans.Count; i++)
        {
            var loan = data.Loans[i];
            var at = $"loans[{i}]";
            Check(patrons.ContainsKey(loan.Patron), $"{at}: unknown patron '{loan.Patron}'.");
            Check(items.TryGetValue(loan.Item, out var item), $"{at}: unknown item '{loan.Item}'.");
            Check(onLoan.Add(loan.Item), $"{at}: item '{loan.Item}' is already on loan.");
            Check(item is null || (item.Circulates && item.Status == Messages.CirculationStatus.Available), $"{at}: item '{loan.Item}' does not circulate or is not available.");
            Check(loan.Renewals >= 0, $"{at}: renewals must be zero or more.");
        }

        var holds = new HashSet<(string, string)>();
        var onShelf = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < data.Holds.Count; i++)
        {
            var hold = data.Holds[i];
            var at = $"holds[{i}]";
            Check(patrons.ContainsKey(hold.Patron), $"{at}: unknown patron '{hold.Patron}'.");
            Check(items.ContainsKey(hold.Item), $"{at}: unknown item '{hold.Item}'.");
            Check(holds.Add((hold.Item.ToUpperInvariant(), hold.Patron.ToUpperInvariant())), $"{at}: patron '{hold.Patron}' already holds item '{hold.Item}'.");
            if (hold.OnShelf)
            {
                Check(!onLoan.Contains(hold.Item), $"{at}: item '{hold.Item}' is on loan, so it cannot wait on the hold shelf.");
                Check(onShelf.Add(hold.Item), $"{at}: item '{hold.Item}' already waits on the hold shelf for another patron.");
            }
        }

        return problems;
    }
}
