using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace Sip2.Net.Resolution;

/// <summary>
/// The built-in catalogue: English default texts, and per-institution overrides an administrator sets (OCLC
/// calls them "customised" messages). Thread-safe; overrides take effect for the next lookup.
/// </summary>
public sealed class Sip2MessageCatalog : ISip2MessageCatalog
{
    /// <summary>The longest text accepted: a screen message is a variable field of at most 255 characters.</summary>
    public const int MaxTextLength = 255;

    private static readonly Dictionary<Sip2MessageScenario, string> Defaults = new()
    {
        [Sip2MessageScenario.PatronNotFound] = "Patron not found. Please see a staff member.",
        [Sip2MessageScenario.PatronOutOfScope] = "Your card cannot be used at this library.",
        [Sip2MessageScenario.InvalidPatronPassword] = "Invalid PIN. Please try again.",
        [Sip2MessageScenario.PatronBlocked] = "Your account is blocked. Please see a staff member.",
        [Sip2MessageScenario.PatronCardExpired] = "Your card has expired. Please see a staff member.",
        [Sip2MessageScenario.PatronFeeLimitExceeded] = "Your fines exceed the limit. Please see a staff member.",
        [Sip2MessageScenario.PatronItemLimitReached] = "You have reached your checkout limit.",
        [Sip2MessageScenario.PatronOverdueLimitReached] = "You have too many overdue items. Please see a staff member.",
        [Sip2MessageScenario.ItemNotFound] = "Item not found. Please see a staff member.",
        [Sip2MessageScenario.ItemOutOfScope] = "This item cannot be handled at this library.",
        [Sip2MessageScenario.ItemNotCirculating] = "This item cannot be checked out.",
        [Sip2MessageScenario.ItemOnHoldForAnotherPatron] = "This item is on hold for another patron.",
        [Sip2MessageScenario.ItemCheckedOutToAnotherPatron] = "This item is checked out to another patron.",
        [Sip2MessageScenario.ItemNeedsAttention] = "This item needs attention. Please see a staff member.",
        [Sip2MessageScenario.ItemNotCheckedOut] = "This item is not checked out.",
        [Sip2MessageScenario.AvailableHoldNotAllowed] = "This hold must be collected at the desk.",
        [Sip2MessageScenario.RenewalLimitReached] = "This item cannot be renewed again.",
        [Sip2MessageScenario.RenewalNotAllowed] = "This item cannot be renewed.",
        [Sip2MessageScenario.FeeMustBeAcknowledged] = "A fee applies to this item. Please confirm to continue.",
        [Sip2MessageScenario.FeePaymentFailed] = "Payment could not be recorded. Please see a staff member.",
        [Sip2MessageScenario.HoldNotPlaced] = "The hold could not be placed.",
        [Sip2MessageScenario.CheckoutFailed] = "Checkout failed. Please see a staff member.",
        [Sip2MessageScenario.CheckinFailed] = "Return failed. Please see a staff member.",
        [Sip2MessageScenario.MessageNotSupported] = "This function is not available.",
        [Sip2MessageScenario.LoginRequired] = "Please log in.",
        [Sip2MessageScenario.LoginRefused] = "Login refused.",
        [Sip2MessageScenario.LoginThrottled] = "Too many failed logins. Please try again later.",
        [Sip2MessageScenario.AccessRefused] = "This device is not registered.",
        [Sip2MessageScenario.ConfigurationMissing] = "This service is not configured. Please see a staff member.",
        [Sip2MessageScenario.BackEndUnavailable] = "The library system is unavailable. Please try again later.",
        [Sip2MessageScenario.BackEndError] = "Something went wrong. Please see a staff member.",
    };

    // Keyed by (institution, scenario); institution ids are case-insensitive like everywhere else.
    private readonly ConcurrentDictionary<(string Institution, Sip2MessageScenario Scenario), string> overrides = new(OverrideKeyComparer.Instance);

    /// <summary>Every scenario the catalogue has a default text for.</summary>
    public static IReadOnlyCollection<Sip2MessageScenario> Scenarios => Defaults.Keys;

    /// <summary>The built-in English text for <paramref name="scenario"/>; a generic text for a value this version does not know.</summary>
    public static string GetDefaultText(Sip2MessageScenario scenario) =>
        Defaults.TryGetValue(scenario, out var text) ? text : Defaults[Sip2MessageScenario.BackEndError];

    /// <inheritdoc/>
    public string GetText(Sip2MessageScenario scenario, string? institutionId)
    {
        if (institutionId is not null && overrides.TryGetValue((institutionId, scenario), out var text))
        {
            return text;
        }

        return GetDefaultText(scenario);
    }

    /// <summary>Whether <paramref name="institutionId"/> has its own text for <paramref name="scenario"/>.</summary>
    public bool IsCustomized(Sip2MessageScenario scenario, string institutionId) =>
        institutionId is not null && overrides.ContainsKey((institutionId, scenario));

    /// <summary>Sets the institution's own text for a scenario, replacing any earlier one.</summary>
    /// <param name="institutionId">The institution (AO).</param>
    /// <param name="scenario">The scenario.</param>
    /// <param name="text">The text: not empty, at most <see cref="MaxTextLength"/> characters, no <c>|</c> (the field delimiter) and no control characters.</param>
    /// <exception cref="ArgumentException">The institution id is empty or the text cannot be sent as a screen message.</exception>
    public void SetOverride(string institutionId, Sip2MessageScenario scenario, string text)
    {
        if (string.IsNullOrEmpty(institutionId))
        {
            throw new ArgumentException("An institution id is required.", nameof(institutionId));
        }

        if (string.IsNullOrEmpty(text) || text.Length > MaxTextLength)
        {
            throw new ArgumentException($"A screen message has 1 to {MaxTextLength} characters.", nameof(text));
        }

        foreach (var c in text)
        {
            if (c == '|' || char.IsControl(c))
            {
                throw new ArgumentException("A screen message cannot contain '|' or control characters.", nameof(text));
            }
        }

        overrides[(institutionId, scenario)] = text;
    }

    /// <summary>Removes the institution's own text for a scenario; the default applies again. Returns whether there was one.</summary>
    public bool RemoveOverride(string institutionId, Sip2MessageScenario scenario) =>
        institutionId is not null && overrides.TryRemove((institutionId, scenario), out _);

    private sealed class OverrideKeyComparer : IEqualityComparer<(string Institution, Sip2MessageScenario Scenario)>
    {
        public static readonly OverrideKeyComparer Instance = new();

        public bool Equals((string Institution, Sip2MessageScenario Scenario) x, (string Institution, Sip2MessageScenario Scenario) y) =>
            x.Scenario == y.Scenario && string.Equals(x.Institution, y.Institution, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Institution, Sip2MessageScenario Scenario) obj) =>
            (StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Institution) * 31) + (int)obj.Scenario;
    }
}
