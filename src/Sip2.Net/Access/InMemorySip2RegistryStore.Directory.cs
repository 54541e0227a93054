using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Resolution;

namespace Sip2.Net.Access;

// The writes of what registrations depend on: groups, institutions, branch configurations and custom messages.
public sealed partial class InMemorySip2RegistryStore
{
    /// <inheritdoc/>
    public ValueTask<Sip2RegistryError?> SaveGroupAsync(Sip2InstitutionGroup group, string? actor = null, CancellationToken cancellationToken = default)
    {
        if (group is null)
        {
            throw new ArgumentNullException(nameof(group));
        }

        return WriteAsync(snapshot => Change(Sip2RegistryRules.CheckGroup(group), () => snapshot.WithGroup(group), Sip2AuditAction.GroupSaved, group.Id, Sip2AuditDetails.Of(group)),
            actor, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryError?> DeleteGroupAsync(string groupId, string? actor = null, CancellationToken cancellationToken = default) =>
        WriteAsync(snapshot => snapshot.GetGroup(groupId) is { } group
            ? Change(Sip2RegistryRules.CheckDelete(nameof(Sip2InstitutionGroup.Id), "group " + group.Id, snapshot.GroupMembers(group.Id).Count, "institutions"),
                () => snapshot.WithoutGroup(group.Id), Sip2AuditAction.GroupDeleted, group.Id, Sip2AuditDetails.Of(group))
            : Change(NotFound(nameof(Sip2InstitutionGroup.Id), "group", groupId), () => snapshot, default, "", ""), actor, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryError?> SaveInstitutionAsync(Sip2Institution institution, string? actor = null, CancellationToken cancellationToken = default)
    {
        if (institution is null)
        {
            throw new ArgumentNullException(nameof(institution));
        }

        return WriteAsync(snapshot => Change(Sip2RegistryRules.CheckInstitution(institution, snapshot.GetGroup(institution.GroupId) is not null),
            () => snapshot.WithInstitution(institution), Sip2AuditAction.InstitutionSaved, institution.Id, Sip2AuditDetails.Of(institution)), actor, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryError?> DeleteInstitutionAsync(string institutionId, string? actor = null, CancellationToken cancellationToken = default) =>
        WriteAsync(snapshot =>
        {
            if (snapshot.GetInstitution(institutionId) is not { } institution)
            {
                return Change(NotFound(nameof(Sip2Institution.Id), "institution", institutionId), () => snapshot, default, "", "");
            }

            var branches = snapshot.BranchConfigurations.Count(b => string.Equals(b.InstitutionId, institution.Id, StringComparison.OrdinalIgnoreCase));
            var error = Sip2RegistryRules.CheckDelete(nameof(Sip2Institution.Id), "institution " + institution.Id, branches, "branch configurations")
                ?? Sip2RegistryRules.CheckDelete(nameof(Sip2Institution.Id), "institution " + institution.Id, snapshot.CountRegistrations(institution.Id), "registrations");
            return Change(error, () => snapshot.WithoutInstitution(institution.Id), Sip2AuditAction.InstitutionDeleted, institution.Id, Sip2AuditDetails.Of(institution));
        }, actor, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryError?> SaveBranchConfigurationAsync(Sip2BranchConfiguration configuration, string? actor = null, CancellationToken cancellationToken = default)
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        return WriteAsync(snapshot => Change(Sip2RegistryRules.CheckBranchConfiguration(configuration, snapshot.GetInstitution(configuration.InstitutionId) is not null),
            () => snapshot.WithBranchConfiguration(configuration), Sip2AuditAction.BranchConfigurationSaved,
            Sip2AuditDetails.Subject(configuration.InstitutionId, configuration.BranchId), Sip2AuditDetails.Of(configuration)), actor, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryError?> DeleteBranchConfigurationAsync(string institutionId, string branchId, string? actor = null, CancellationToken cancellationToken = default) =>
        WriteAsync(snapshot =>
        {
            if (snapshot.GetBranchConfiguration(institutionId, branchId) is not { } configuration)
            {
                return Change(NotFound(nameof(Sip2BranchConfiguration.BranchId), "branch configuration", institutionId + "/" + branchId), () => snapshot, default, "", "");
            }

            var subject = Sip2AuditDetails.Subject(configuration.InstitutionId, configuration.BranchId);
            return Change(Sip2RegistryRules.CheckDelete(nameof(Sip2BranchConfiguration.BranchId), "branch " + subject, snapshot.CountRegistrations(institutionId, branchId), "registrations"),
                () => snapshot.WithoutBranchConfiguration(configuration.InstitutionId, configuration.BranchId), Sip2AuditAction.BranchConfigurationDeleted, subject, Sip2AuditDetails.Of(configuration));
        }, actor, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryError?> SetMessageOverrideAsync(string institutionId, Sip2MessageScenario scenario, string? text, string? actor = null, CancellationToken cancellationToken = default) =>
        WriteAsync(snapshot =>
        {
            var error = Sip2RegistryRules.CheckMessageOverride(institutionId, scenario, text, snapshot.GetInstitution(institutionId) is not null);
            if (error is null && text is null && snapshot.GetOverride(institutionId, scenario) is null)
            {
                return new Written<Sip2RegistryError?>(null); // nothing to remove
            }

            return Change(error, () => snapshot.WithOverride(snapshot.GetInstitution(institutionId)!.Id, scenario, text),
                text is null ? Sip2AuditAction.MessageOverrideRemoved : Sip2AuditAction.MessageOverrideSet,
                Sip2AuditDetails.Subject(institutionId, scenario), Sip2AuditDetails.Of(institutionId, scenario, text));
        }, actor, cancellationToken);

    private static Sip2RegistryError NotFound(string field, string what, string? id) =>
        new(Sip2RegistryRule.NotFound, field, $"No {what} is named '{id}'.");

    // A directory write: the rule's refusal, or the next snapshot with its audit entry.
    private Written<Sip2RegistryError?> Change(Sip2RegistryError? error, Func<Sip2RegistrySnapshot> next, Sip2AuditAction action, string subject, string details) =>
        error is not null ? new(Refused(error)) : new(null, next(), action, subject, details);
}
