using System.Net;
using Sip2.Net.Access;
using Sip2.Net.Resolution;

namespace Sip2.Net.TestSupport;

/// <summary>A registry store that passes every call to another; tests override the parts they change (start, status).</summary>
internal class DelegatingRegistryStore(ISip2RegistryStore inner) : ISip2RegistryStore
{
    public event EventHandler<Sip2RegistrationChangedEventArgs>? RegistrationChanged
    {
        add => Inner.RegistrationChanged += value;
        remove => Inner.RegistrationChanged -= value;
    }

    public ISip2RegistryStore Inner { get; } = inner;

    public virtual bool IsDurable => Inner.IsDurable;

    public virtual ValueTask<bool> InitializeAsync(CancellationToken cancellationToken = default) => Inner.InitializeAsync(cancellationToken);

    public virtual Sip2RegistryStoreStatus GetStatus() => Inner.GetStatus();

    public ValueTask<Sip2ClientRegistration?> GetAsync(Guid id, CancellationToken cancellationToken = default) => Inner.GetAsync(id, cancellationToken);

    public ValueTask<IReadOnlyList<Sip2ClientRegistration>> ListAsync(CancellationToken cancellationToken = default) => Inner.ListAsync(cancellationToken);

    public ValueTask<IReadOnlyList<Sip2ClientRegistration>> ListByAddressAsync(IPAddress address, CancellationToken cancellationToken = default) => Inner.ListByAddressAsync(address, cancellationToken);

    public ValueTask<IReadOnlyList<Sip2ClientRegistration>> ListByInstitutionAsync(string institutionId, CancellationToken cancellationToken = default) => Inner.ListByInstitutionAsync(institutionId, cancellationToken);

    public ValueTask<Sip2Institution?> GetInstitutionAsync(string institutionId, CancellationToken cancellationToken = default) => Inner.GetInstitutionAsync(institutionId, cancellationToken);

    public ValueTask<IReadOnlyList<Sip2Institution>> GetGroupMembersAsync(string groupId, CancellationToken cancellationToken = default) => Inner.GetGroupMembersAsync(groupId, cancellationToken);

    public ValueTask<Sip2BranchConfiguration?> GetBranchConfigurationAsync(string institutionId, string branchId, CancellationToken cancellationToken = default) =>
        Inner.GetBranchConfigurationAsync(institutionId, branchId, cancellationToken);

    public string GetText(Sip2MessageScenario scenario, string? institutionId) => Inner.GetText(scenario, institutionId);

    public ValueTask<IReadOnlyList<Sip2InstitutionGroup>> ListGroupsAsync(CancellationToken cancellationToken = default) => Inner.ListGroupsAsync(cancellationToken);

    public ValueTask<IReadOnlyList<Sip2Institution>> ListInstitutionsAsync(CancellationToken cancellationToken = default) => Inner.ListInstitutionsAsync(cancellationToken);

    public ValueTask<IReadOnlyList<Sip2BranchConfiguration>> ListBranchConfigurationsAsync(CancellationToken cancellationToken = default) => Inner.ListBranchConfigurationsAsync(cancellationToken);

    public ValueTask<IReadOnlyList<Sip2MessageOverride>> ListMessageOverridesAsync(string institutionId, CancellationToken cancellationToken = default) => Inner.ListMessageOverridesAsync(institutionId, cancellationToken);

    public ValueTask<IReadOnlyList<Sip2AuditEntry>> ListAuditAsync(int limit = 100, long? before = null, CancellationToken cancellationToken = default) => Inner.ListAuditAsync(limit, before, cancellationToken);

    public ValueTask<Sip2RegistryResult> CreateAsync(Sip2ClientRegistration registration, string? actor = null, CancellationToken cancellationToken = default) => Inner.CreateAsync(registration, actor, cancellationToken);

    public ValueTask<Sip2RegistryResult> UpdateAsync(Sip2ClientRegistration registration, string? actor = null, CancellationToken cancellationToken = default) => Inner.UpdateAsync(registration, actor, cancellationToken);

    public ValueTask<Sip2RegistryResult> DeleteAsync(Guid id, string? actor = null, CancellationToken cancellationToken = default) => Inner.DeleteAsync(id, actor, cancellationToken);

    public ValueTask<Sip2RegistryResult> ActivateAsync(Guid id, string? actor = null, CancellationToken cancellationToken = default) => Inner.ActivateAsync(id, actor, cancellationToken);

    public ValueTask<Sip2RegistryResult> DeactivateAsync(Guid id, string? actor = null, CancellationToken cancellationToken = default) => Inner.DeactivateAsync(id, actor, cancellationToken);

    public ValueTask<Sip2RegistryResult> ChangeLoginIdAsync(Guid id, string? newLoginId, Sip2PasswordHash? newPassword = null, string? actor = null, CancellationToken cancellationToken = default) =>
        Inner.ChangeLoginIdAsync(id, newLoginId, newPassword, actor, cancellationToken);

    public ValueTask<Sip2RegistryResult> SetPasswordAsync(Guid id, Sip2PasswordHash password, string? actor = null, CancellationToken cancellationToken = default) => Inner.SetPasswordAsync(id, password, actor, cancellationToken);

    public ValueTask<Sip2RegistryError?> SaveGroupAsync(Sip2InstitutionGroup group, string? actor = null, CancellationToken cancellationToken = default) => Inner.SaveGroupAsync(group, actor, cancellationToken);

    public ValueTask<Sip2RegistryError?> DeleteGroupAsync(string groupId, string? actor = null, CancellationToken cancellationToken = default) => Inner.DeleteGroupAsync(groupId, actor, cancellationToken);

    public ValueTask<Sip2RegistryError?> SaveInstitutionAsync(Sip2Institution institution, string? actor = null, CancellationToken cancellationToken = default) => Inner.SaveInstitutionAsync(institution, actor, cancellationToken);

    public ValueTask<Sip2RegistryError?> DeleteInstitutionAsync(string institutionId, string? actor = null, CancellationToken cancellationToken = default) => Inner.DeleteInstitutionAsync(institutionId, actor, cancellationToken);

    public ValueTask<Sip2RegistryError?> SaveBranchConfigurationAsync(Sip2BranchConfiguration configuration, string? actor = null, CancellationToken cancellationToken = default) =>
        Inner.SaveBranchConfigurationAsync(configuration, actor, cancellationToken);

    public ValueTask<Sip2RegistryError?> DeleteBranchConfigurationAsync(string institutionId, string branchId, string? actor = null, CancellationToken cancellationToken = default) =>
        Inner.DeleteBranchConfigurationAsync(institutionId, branchId, actor, cancellationToken);

    public ValueTask<Sip2RegistryError?> SetMessageOverrideAsync(string institutionId, Sip2MessageScenario scenario, string? text, string? actor = null, CancellationToken cancellationToken = default) =>
        Inner.SetMessageOverrideAsync(institutionId, scenario, text, actor, cancellationToken);
}
