using System;
using Sip2.Net.Resolution;

namespace Sip2.Net.Access;

// The rules for what registrations depend on: groups, institutions, branch configurations and custom messages.
public static partial class Sip2RegistryRules
{
    /// <summary>The lowest and highest branch timeout, in seconds (98 carries tenths of a second in three digits).</summary>
    public const int MinTimeoutSeconds = 1;

    /// <inheritdoc cref="MinTimeoutSeconds"/>
    public const int MaxTimeoutSeconds = 99;

    /// <summary>The most retries a branch can allow (98 carries three digits).</summary>
    public const int MaxRetries = 999;

    /// <summary>A group: an id, and a name of at most <see cref="MaxTextLength"/> characters.</summary>
    public static Sip2RegistryError? CheckGroup(Sip2InstitutionGroup group)
    {
        if (group is null)
        {
            throw new ArgumentNullException(nameof(group));
        }

        return CheckId(group.Id, nameof(Sip2InstitutionGroup.Id), "A group") ?? CheckText(group.Name, nameof(Sip2InstitutionGroup.Name), "A name");
    }

    /// <summary>An institution: an id, a name, and a group that exists when it names one.</summary>
    public static Sip2RegistryError? CheckInstitution(Sip2Institution institution, bool groupExists)
    {
        if (institution is null)
        {
            throw new ArgumentNullException(nameof(institution));
        }

        return CheckId(institution.Id, nameof(Sip2Institution.Id), "An institution")
            ?? CheckText(institution.Name, nameof(Sip2Institution.Name), "A name")
            ?? (institution.GroupId is null || groupExists
                ? null
                : new(Sip2RegistryRule.UnknownGroup, nameof(Sip2Institution.GroupId), $"No group is named '{institution.GroupId}'; create it first."));
    }

    /// <summary>A branch's SIP2 configuration: ids, an institution that exists, a timeout and retries 98 can carry, texts SIP2 can carry.</summary>
    public static Sip2RegistryError? CheckBranchConfiguration(Sip2BranchConfiguration configuration, bool institutionExists)
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        if (CheckId(configuration.InstitutionId, nameof(Sip2BranchConfiguration.InstitutionId), "An institution") is { } institution)
        {
            return institution;
        }

        if (CheckId(configuration.BranchId, nameof(Sip2BranchConfiguration.BranchId), "A branch") is { } branch)
        {
            return branch;
        }

        if (!institutionExists)
        {
            return new(Sip2RegistryRule.UnknownInstitution, nameof(Sip2BranchConfiguration.InstitutionId),
                $"No institution is named '{configuration.InstitutionId}'; create it first.");
        }

        if (configuration.TimeoutSeconds is < MinTimeoutSeconds or > MaxTimeoutSeconds)
        {
            return new(Sip2RegistryRule.InvalidValue, nameof(Sip2BranchConfiguration.TimeoutSeconds),
                $"The timeout is {MinTimeoutSeconds} to {MaxTimeoutSeconds} seconds (the ACS Status answer carries it in tenths of a second, in three digits).");
        }

        if (configuration.RetriesAllowed is < 0 or > MaxRetries)
        {
            return new(Sip2RegistryRule.InvalidValue, nameof(Sip2BranchConfiguration.RetriesAllowed), $"Retries are 0 to {MaxRetries}.");
        }

        return CheckText(configuration.LibraryName, nameof(Sip2BranchConfiguration.LibraryName), "A library name")
            ?? CheckText(configuration.TerminalLocation, nameof(Sip2BranchConfiguration.TerminalLocation), "A terminal location");
    }

    /// <summary>An institution's own text for a scenario: the institution exists, the scenario is known, the text fits a screen message; null text removes it.</summary>
    public static Sip2RegistryError? CheckMessageOverride(string institutionId, Sip2MessageScenario scenario, string? text, bool institutionExists)
    {
        if (CheckId(institutionId, nameof(Sip2MessageOverride.InstitutionId), "An institution") is { } invalid)
        {
            return invalid;
        }

        if (!institutionExists)
        {
            return new(Sip2RegistryRule.UnknownInstitution, nameof(Sip2MessageOverride.InstitutionId), $"No institution is named '{institutionId}'.");
        }

        if (!IsDefined(scenario))
        {
            return new(Sip2RegistryRule.InvalidValue, nameof(Sip2MessageOverride.Scenario), $"Unknown scenario {scenario}.");
        }

        if (text is null)
        {
            return null;
        }

        return text.Length == 0 || text.Trim().Length == 0
            ? new(Sip2RegistryRule.InvalidValue, nameof(Sip2MessageOverride.Text), "A screen message is not empty; remove the override to use the default text.")
            : CheckText(text, nameof(Sip2MessageOverride.Text), "A screen message");
    }

    /// <summary>Whether an entry others still refer to may be deleted: refused while <paramref name="references"/> is above zero.</summary>
    /// <param name="field">The field the refusal names (the id of what is deleted).</param>
    /// <param name="what">What is deleted, for the message ("group METRO").</param>
    /// <param name="references">How many entries refer to it.</param>
    /// <param name="referrers">What refers to it, for the message ("institutions").</param>
    public static Sip2RegistryError? CheckDelete(string field, string what, int references, string referrers) =>
        references <= 0 ? null : new(Sip2RegistryRule.StillReferenced, field, $"The {what} is used by {references} {referrers}; change or delete those first.");

    /// <summary>An id of a group, institution or branch: 1 to 255 characters, no surrounding spaces, no <c>|</c>, <c>/</c> or control characters.</summary>
    public static Sip2RegistryError? CheckId(string? id, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return new(Sip2RegistryRule.InvalidValue, field, $"{what} id is required.");
        }

        foreach (var c in id!)
        {
            if (c is '|' or '/' || char.IsControl(c))
            {
                return new(Sip2RegistryRule.InvalidValue, field, $"{what} id cannot contain '|', '/' or control characters.");
            }
        }

        return id.Length > MaxTextLength || id.Trim().Length != id.Length
            ? new(Sip2RegistryRule.InvalidValue, field, $"{what} id has at most {MaxTextLength} characters and no surrounding spaces.")
            : null;
    }

    // A name or a SIP2 text: optional, at most 255 characters, no field delimiter or control characters.
    private static Sip2RegistryError? CheckText(string? text, string field, string what)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Length > MaxTextLength)
        {
            return new(Sip2RegistryRule.InvalidValue, field, $"{what} has at most {MaxTextLength} characters.");
        }

        foreach (var c in text)
        {
            if (c == '|' || char.IsControl(c))
            {
                return new(Sip2RegistryRule.InvalidValue, field, $"{what} cannot contain '|' or control characters.");
            }
        }

        return null;
    }
}
