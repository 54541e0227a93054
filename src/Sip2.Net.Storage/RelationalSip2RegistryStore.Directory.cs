using System;
using System.Data.Common;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Access;
using Sip2.Net.Resolution;
using Sip2.Net.Storage.Internal;

namespace Sip2.Net.Storage;

// The writes of what registrations depend on: groups, institutions, branch configurations and custom messages. Each
// takes the directory lock exclusively and reads the whole directory inside its transaction (it is small), then asks
// Sip2RegistryRules exactly as InMemorySip2RegistryStore does.
public abstract partial class RelationalSip2RegistryStore
{
    /// <inheritdoc/>
    public ValueTask<Sip2RegistryError?> SaveGroupAsync(Sip2InstitutionGroup group, string? actor = null, CancellationToken cancellationToken = default)
    {
        if (group is null)
        {
            throw new ArgumentNullException(nameof(group));
        }

        return WriteDirectoryAsync(WriteKind.Group, (transaction, directory, token) => ChangeAsync(
            Sip2RegistryRules.CheckGroup(group),
            () => RegistryRows.Command(transaction, RegistrySql.UpsertGroup).Group(group).RunAsync(token),
            snapshot => snapshot.WithGroup(group), Sip2AuditAction.GroupSaved, group.Id, Sip2AuditDetails.Of(group)), actor, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryError?> DeleteGroupAsync(string groupId, string? actor = null, CancellationToken cancellationToken = default) =>
        WriteDirectoryAsync(WriteKind.DeleteGroup, (transaction, directory, token) => directory.GetGroup(groupId) is { } group
            ? ChangeAsync(
                Sip2RegistryRules.CheckDelete(nameof(Sip2InstitutionGroup.Id), "group " + group.Id, directory.GroupMembers(group.Id).Count, "institutions"),
                () => RegistryRows.Command(transaction, RegistrySql.DeleteGroup).Text("group_key", RegistryKeys.Of(group.Id)).RunAsync(token),
                snapshot => snapshot.WithoutGroup(group.Id), Sip2AuditAction.GroupDeleted, group.Id, Sip2AuditDetails.Of(group))
            : RefusedAsync(NotFound(nameof(Sip2InstitutionGroup.Id), "group", groupId)), actor, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryError?> SaveInstitutionAsync(Sip2Institution institution, string? actor = null, CancellationToken cancellationToken = default)
    {
        if (institution is null)
        {
            throw new ArgumentNullException(nameof(institution));
        }

        return WriteDirectoryAsync(WriteKind.Institution, (transaction, directory, token) => ChangeAsync(
            Sip2RegistryRules.CheckInstitution(institution, directory.GetGroup(institution.GroupId) is not null),
            () => RegistryRows.Command(transaction, RegistrySql.UpsertInstitution).Institution(institution).RunAsync(token),
            snapshot => snapshot.WithInstitution(institution), Sip2AuditAction.InstitutionSaved, institution.Id, Sip2AuditDetails.Of(institution)), actor, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryError?> DeleteInstitutionAsync(string institutionId, string? actor = null, CancellationToken cancellationToken = default) =>
        WriteDirectoryAsync(WriteKind.DeleteInstitution, async (transaction, directory, token) =>
        {
            if (directory.GetInstitution(institutionId) is not { } institution)
            {
                return await RefusedAsync(NotFound(nameof(Sip2Institution.Id), "institution", institutionId)).ConfigureAwait(false);
            }

            var key = RegistryKeys.Of(institution.Id);
            var branches = directory.BranchConfigurations.Count(b => string.Equals(b.InstitutionId, institution.Id, StringComparison.OrdinalIgnoreCase));
            var registrations = await RegistryRows.Command(transaction, RegistrySql.CountRegistrationsOfInstitution).Text("institution_key", key).CountAsync(token).ConfigureAwait(false);
            var error = Sip2RegistryRules.CheckDelete(nameof(Sip2Institution.Id), "institution " + institution.Id, branches, "branch configurations")
                ?? Sip2RegistryRules.CheckDelete(nameof(Sip2Institution.Id), "institution " + institution.Id, (int)registrations, "registrations");
            return await ChangeAsync(error, async () =>
            {
                await RegistryRows.Command(transaction, RegistrySql.DeleteInstitutionOverrides).Text("institution_key", key).RunAsync(token).ConfigureAwait(false);
                await RegistryRows.Command(transaction, RegistrySql.DeleteInstitution).Text("institution_key", key).RunAsync(token).ConfigureAwait(false);
            }, snapshot => snapshot.WithoutInstitution(institution.Id), Sip2AuditAction.InstitutionDeleted, institution.Id, Sip2AuditDetails.Of(institution)).ConfigureAwait(false);
        }, actor, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryError?> SaveBranchConfigurationAsync(Sip2BranchConfiguration configuration, string? actor = null, CancellationToken cancellationToken = default)
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        return WriteDirectoryAsync(WriteKind.BranchConfiguration, (transaction, directory, token) => ChangeAsync(
            Sip2RegistryRules.CheckBranchConfiguration(configuration, directory.GetInstitution(configuration.InstitutionId) is not null),
            () => RegistryRows.Command(transaction, RegistrySql.UpsertBranchConfiguration).BranchConfiguration(configuration).RunAsync(token),
            snapshot => snapshot.WithBranchConfiguration(configuration), Sip2AuditAction.BranchConfigurationSaved,
            Sip2AuditDetails.Subject(configuration.InstitutionId, configuration.BranchId), Sip2AuditDetails.Of(configuration)), actor, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryError?> DeleteBranchConfigurationAsync(string institutionId, string branchId, string? actor = null, CancellationToken cancellationToken = default) =>
        WriteDirectoryAsync(WriteKind.DeleteBranchConfiguration, async (transaction, directory, token) =>
        {
            if (directory.GetBranchConfiguration(institutionId, branchId) is not { } configuration)
            {
                return await RefusedAsync(NotFound(nameof(Sip2BranchConfiguration.BranchId), "branch configuration", institutionId + "/" + branchId)).ConfigureAwait(false);
            }

            var registrations = await RegistryRows.Command(transaction, RegistrySql.CountRegistrationsOfBranch).Branch(configuration.InstitutionId, configuration.BranchId)
                .CountAsync(token).ConfigureAwait(false);
            var subject = Sip2AuditDetails.Subject(configuration.InstitutionId, configuration.BranchId);
            return await ChangeAsync(
                Sip2RegistryRules.CheckDelete(nameof(Sip2BranchConfiguration.BranchId), "branch " + subject, (int)registrations, "registrations"),
                () => RegistryRows.Command(transaction, RegistrySql.DeleteBranchConfiguration).Branch(configuration.InstitutionId, configuration.BranchId).RunAsync(token),
                snapshot => snapshot.WithoutBranchConfiguration(configuration.InstitutionId, configuration.BranchId),
                Sip2AuditAction.BranchConfigurationDeleted, subject, Sip2AuditDetails.Of(configuration)).ConfigureAwait(false);
        }, actor, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryError?> SetMessageOverrideAsync(string institutionId, Sip2MessageScenario scenario, string? text, string? actor = null, CancellationToken cancellationToken = default) =>
        WriteDirectoryAsync(WriteKind.MessageOverride, (transaction, directory, token) =>
        {
            var institution = directory.GetInstitution(institutionId);
            var error = Sip2RegistryRules.CheckMessageOverride(institutionId, scenario, text, institution is not null);
            if (error is null && text is null && directory.GetOverride(institutionId, scenario) is null)
            {
                return Task.FromResult(new Written<Sip2RegistryError?>(null)); // nothing to remove
            }

            return ChangeAsync(error, () => text is null
                    ? RegistryRows.Command(transaction, RegistrySql.DeleteMessageOverride).Text("institution_key", RegistryKeys.Of(institution!.Id)).Int("scenario", (int)scenario).RunAsync(token)
                    : RegistryRows.Command(transaction, RegistrySql.UpsertMessageOverride).Text("institution_key", RegistryKeys.Of(institution!.Id)).Int("scenario", (int)scenario)
                        .Text("institution_id", institution.Id).Text("text", text).RunAsync(token),
                snapshot => snapshot.WithOverride(institution!.Id, scenario, text),
                text is null ? Sip2AuditAction.MessageOverrideRemoved : Sip2AuditAction.MessageOverrideSet,
                Sip2AuditDetails.Subject(institutionId, scenario), Sip2AuditDetails.Of(institutionId, scenario, text));
        }, actor, cancellationToken);

    private static Sip2RegistryError NotFound(string field, string what, string? id) =>
        new(Sip2RegistryRule.NotFound, field, $"No {what} is named '{id}'.");

    private ValueTask<Sip2RegistryError?> WriteDirectoryAsync(
        WriteKind kind, Func<DbTransaction, Sip2RegistrySnapshot, CancellationToken, Task<Written<Sip2RegistryError?>>> operation, string? actor, CancellationToken cancellationToken) =>
        WriteAsync<Sip2RegistryError?>(kind, error => error, async (transaction, token) =>
        {
            await database.LockDirectoryAsync(transaction, exclusive: true, token).ConfigureAwait(false);
            var directory = await ReadDirectoryAsync(transaction, token).ConfigureAwait(false);
            return await operation(transaction, directory, token).ConfigureAwait(false);
        }, actor, cancellationToken);

    private Task<Written<Sip2RegistryError?>> RefusedAsync(Sip2RegistryError error) => Task.FromResult(new Written<Sip2RegistryError?>(Refused(error)));

    // A directory write: the rule's refusal, or the row written and the snapshot's change with its audit entry.
    private async Task<Written<Sip2RegistryError?>> ChangeAsync(
        Sip2RegistryError? error, Func<Task> write, Func<Sip2RegistrySnapshot, Sip2RegistrySnapshot> apply, Sip2AuditAction action, string subject, string details)
    {
        if (error is not null)
        {
            return new(Refused(error));
        }

        await write().ConfigureAwait(false);
        return new(null, apply, action, subject, details, RegistryChange.Directory);
    }
}
