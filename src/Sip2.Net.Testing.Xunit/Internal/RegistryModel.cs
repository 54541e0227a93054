using System;
using System.Collections.Generic;
using System.Linq;
using Sip2.Net.Access;
using Sip2.Net.Resolution;

namespace Sip2.Net.Testing.Xunit.Internal;

/// <summary>What the model expects of one operation: accepted or not (and then for which rules), and what it stores.</summary>
internal sealed record Expectation(
    bool Accepted,
    IReadOnlyCollection<Sip2RegistryRule> Broken,
    Sip2ClientRegistration? Registration = null,
    Sip2RegistrationChangeKind? Change = null,
    Sip2ClientRegistration? Previous = null,
    Sip2AuditAction? Audit = null,
    string? Subject = null)
{
    public static Expectation Refused(params Sip2RegistryRule[] rules) => new(false, rules);

    public static Expectation NoChange(Sip2ClientRegistration? registration = null) => new(true, [], registration);
}

/// <summary>
/// A reference model of the registration model, written from registration-model.md and the store's interface, apart from
/// <see cref="Sip2RegistryRules"/>: plain dictionaries, and each rule stated as a check on the state an operation would
/// leave. An operation is accepted exactly when that state breaks nothing; a refusal lists every rule it breaks (the
/// store may name any of them). Ids are compared case-insensitively, the last spelling saved is kept.
/// </summary>
internal sealed partial class RegistryModel
{
    private static readonly StringComparer Ids = StringComparer.OrdinalIgnoreCase;
    private static readonly string[] KnownVendors = ["Default", "Bibliotheca", "Envisionware"];

    private readonly bool allowLocal;
    private readonly Dictionary<string, Sip2InstitutionGroup> groups = new(Ids);
    private readonly Dictionary<string, Sip2Institution> institutions = new(Ids);
    private readonly Dictionary<(string, string), Sip2BranchConfiguration> branches = [];
    private readonly Dictionary<(string, Sip2MessageScenario), string> overrides = [];
    private readonly Dictionary<Guid, Sip2ClientRegistration> registrations = [];

    public RegistryModel(bool allowLocal) => this.allowLocal = allowLocal;

    public IEnumerable<Sip2ClientRegistration> Registrations => registrations.Values.OrderBy(r => r.Id);

    public IEnumerable<Sip2InstitutionGroup> Groups => groups.Values.OrderBy(g => g.Id, Ids);

    public IEnumerable<Sip2Institution> Institutions => institutions.Values.OrderBy(i => i.Id, Ids);

    public IEnumerable<Sip2BranchConfiguration> Branches => branches.Values.OrderBy(b => b.InstitutionId, Ids).ThenBy(b => b.BranchId, Ids);

    /// <summary>The custom messages of an institution, by scenario.</summary>
    public IEnumerable<(Sip2MessageScenario Scenario, string Text)> OverridesOf(string institutionId) =>
        overrides.Where(o => Ids.Equals(o.Key.Item1, institutionId)).Select(o => (o.Key.Item2, o.Value)).OrderBy(o => o.Item1);

    /// <summary>The registration ids in a fixed order, for operations that pick one by position.</summary>
    public IReadOnlyList<Guid> RegistrationIds => registrations.Keys.OrderBy(id => id).ToList();

    public Sip2ClientRegistration? Find(Guid id) => registrations.TryGetValue(id, out var registration) ? registration : null;

    /// <summary>The world every run starts from (the same as the contract's setup).</summary>
    public void Seed()
    {
        groups["G"] = new Sip2InstitutionGroup { Id = "G", Name = "Group" };
        institutions["A"] = new Sip2Institution { Id = "A", Name = "Institution A", GroupId = "G" };
        institutions["B"] = new Sip2Institution { Id = "B", GroupId = "G" };
        institutions["C"] = new Sip2Institution { Id = "C" };
        foreach (var (institution, branch) in new[] { ("A", "MAIN"), ("A", "EAST"), ("B", "MAIN"), ("C", "MAIN") })
        {
            branches[Key(institution, branch)] = new Sip2BranchConfiguration { InstitutionId = institution, BranchId = branch, LibraryName = $"{institution} {branch}" };
        }
    }

    public Expectation SaveGroup(Sip2InstitutionGroup group)
    {
        var broken = Rules(!IsId(group.Id), Sip2RegistryRule.InvalidValue).Concat(Rules(!IsText(group.Name), Sip2RegistryRule.InvalidValue));
        return Apply(broken, () => groups[group.Id] = group, Sip2AuditAction.GroupSaved, group.Id);
    }

    public Expectation DeleteGroup(string id)
    {
        if (!groups.TryGetValue(id, out var group))
        {
            return Expectation.Refused(Sip2RegistryRule.NotFound);
        }

        var used = institutions.Values.Any(i => Ids.Equals(i.GroupId, id));
        return Apply(Rules(used, Sip2RegistryRule.StillReferenced), () => groups.Remove(id), Sip2AuditAction.GroupDeleted, group.Id);
    }

    public Expectation SaveInstitution(Sip2Institution institution)
    {
        var broken = Rules(!IsId(institution.Id) || !IsText(institution.Name), Sip2RegistryRule.InvalidValue)
            .Concat(Rules(institution.GroupId is not null && !groups.ContainsKey(institution.GroupId), Sip2RegistryRule.UnknownGroup));
        return Apply(broken, () => institutions[institution.Id] = institution, Sip2AuditAction.InstitutionSaved, institution.Id);
    }

    public Expectation DeleteInstitution(string id)
    {
        if (!institutions.TryGetValue(id, out var institution))
        {
            return Expectation.Refused(Sip2RegistryRule.NotFound);
        }

        var used = branches.Values.Any(b => Ids.Equals(b.InstitutionId, id)) || registrations.Values.Any(r => Ids.Equals(r.InstitutionId, id));
        return Apply(Rules(used, Sip2RegistryRule.StillReferenced), () =>
        {
            institutions.Remove(id);
            foreach (var key in overrides.Keys.Where(k => Ids.Equals(k.Item1, id)).ToList())
            {
                overrides.Remove(key);
            }
        }, Sip2AuditAction.InstitutionDeleted, institution.Id);
    }

    public Expectation SaveBranch(Sip2BranchConfiguration configuration)
    {
        var idsValid = IsId(configuration.InstitutionId) && IsId(configuration.BranchId);
        var broken = Rules(!idsValid, Sip2RegistryRule.InvalidValue)
            .Concat(Rules(idsValid && !institutions.ContainsKey(configuration.InstitutionId), Sip2RegistryRule.UnknownInstitution))
            .Concat(Rules(configuration.TimeoutSeconds is < 1 or > 99 || configuration.RetriesAllowed is < 0 or > 999, Sip2RegistryRule.InvalidValue))
            .Concat(Rules(!IsText(configuration.LibraryName) || !IsText(configuration.TerminalLocation), Sip2RegistryRule.InvalidValue));
        return Apply(broken, () => branches[Key(configuration.InstitutionId, configuration.BranchId)] = configuration,
            Sip2AuditAction.BranchConfigurationSaved, configuration.InstitutionId + "/" + configuration.BranchId);
    }

    public Expectation DeleteBranch(string institutionId, string branchId)
    {
        if (!branches.TryGetValue(Key(institutionId, branchId), out var configuration))
        {
            return Expectation.Refused(Sip2RegistryRule.NotFound);
        }

        var used = registrations.Values.Any(r => Ids.Equals(r.InstitutionId, institutionId) && Ids.Equals(r.BranchId, branchId));
        return Apply(Rules(used, Sip2RegistryRule.StillReferenced), () => branches.Remove(Key(institutionId, branchId)),
            Sip2AuditAction.BranchConfigurationDeleted, configuration.InstitutionId + "/" + configuration.BranchId);
    }

    public Expectation SetOverride(string institutionId, Sip2MessageScenario scenario, string? text)
    {
        var broken = new List<Sip2RegistryRule>();
        if (!IsId(institutionId))
        {
            broken.Add(Sip2RegistryRule.InvalidValue);
        }
        else if (!institutions.ContainsKey(institutionId))
        {
            broken.Add(Sip2RegistryRule.UnknownInstitution);
        }

        if (!Enum.IsDefined(scenario) || (text is not null && (text.Trim().Length == 0 || !IsText(text))))
        {
            broken.Add(Sip2RegistryRule.InvalidValue);
        }

        var key = (institutionId.ToUpperInvariant(), scenario);
        if (broken.Count == 0 && text is null && !overrides.ContainsKey(key))
        {
            return Expectation.NoChange();
        }

        return Apply(broken, () =>
        {
            if (text is null)
            {
                overrides.Remove(key);
            }
            else
            {
                overrides[key] = text;
            }
        }, text is null ? Sip2AuditAction.MessageOverrideRemoved : Sip2AuditAction.MessageOverrideSet, institutionId + "/" + scenario);
    }

    // An id of a group, institution or branch: 1 to 255 characters, no surrounding white space, no '|', '/' or control character.
    private static bool IsId(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 255 && id.Trim() == id && !id.Any(c => c is '|' or '/' || char.IsControl(c));

    // A name or SIP2 text: absent, or at most 255 characters without '|' or control characters.
    private static bool IsText(string? text) => text is null || (text.Length <= 255 && !text.Any(c => c == '|' || char.IsControl(c)));

    private static IEnumerable<Sip2RegistryRule> Rules(bool broken, Sip2RegistryRule rule) => broken ? [rule] : [];

    private static (string, string) Key(string institutionId, string branchId) => (institutionId.ToUpperInvariant(), branchId.ToUpperInvariant());

    // A directory write: refused for the rules it breaks, otherwise applied with its audit entry.
    private static Expectation Apply(IEnumerable<Sip2RegistryRule> broken, Action change, Sip2AuditAction audit, string subject)
    {
        var rules = broken.Distinct().ToArray();
        if (rules.Length > 0)
        {
            return Expectation.Refused(rules);
        }

        change();
        return new Expectation(true, [], Audit: audit, Subject: subject);
    }
}
