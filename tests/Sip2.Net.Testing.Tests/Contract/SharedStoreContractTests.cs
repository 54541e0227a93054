using System.Net;
using Sip2.Net.Access;
using Sip2.Net.Resolution;
using Sip2.Net.Testing.Xunit;

namespace Sip2.Net.Testing.Tests.Contract;

/// <summary>
/// The contract's two-instance part, run over a store shared the way a database store is: two instances over one
/// backing store, each raising the other's changes a moment later, in order, as notifications would arrive.
/// </summary>
public sealed class SharedStoreContractTests : Sip2RegistryStoreContract
{
    protected override Task<ISip2RegistryStore> CreateStoreAsync(Sip2RegistryOptions options) =>
        Task.FromResult<ISip2RegistryStore>(new SharedInstance(new InMemorySip2RegistryStore(options)));

    protected override Task<ISip2RegistryStore?> OpenSecondInstanceAsync(ISip2RegistryStore store, Sip2RegistryOptions options) =>
        Task.FromResult<ISip2RegistryStore?>(new SharedInstance(((SharedInstance)store).Backing));

    // Fewer runs: the model-based test is the same as the in-memory store's, and this store adds nothing to it.
    protected override int ModelRuns => 20;
}

/// <summary>One instance of a store shared with others through a backing store.</summary>
internal sealed class SharedInstance : ISip2RegistryStore
{
    private static readonly AsyncLocal<SharedInstance?> Writer = new();
    private readonly object order = new();
    private Task notifications = Task.CompletedTask;

    public SharedInstance(InMemorySip2RegistryStore backing)
    {
        Backing = backing;
        backing.RegistrationChanged += (_, change) =>
        {
            if (Writer.Value == this)
            {
                RegistrationChanged?.Invoke(this, change); // a change made here is raised here at once
                return;
            }

            lock (order)
            {
                notifications = notifications.ContinueWith(_ => RegistrationChanged?.Invoke(this, change), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }
        };
    }

    public event EventHandler<Sip2RegistrationChangedEventArgs>? RegistrationChanged;

    public InMemorySip2RegistryStore Backing { get; }

    public bool IsDurable => true;

    public ValueTask<bool> InitializeAsync(CancellationToken cancellationToken = default) => Backing.InitializeAsync(cancellationToken);

    public Sip2RegistryStoreStatus GetStatus() => Backing.GetStatus();

    public ValueTask<Sip2ClientRegistration?> GetAsync(Guid id, CancellationToken cancellationToken = default) => Backing.GetAsync(id, cancellationToken);

    public ValueTask<IReadOnlyList<Sip2ClientRegistration>> ListAsync(CancellationToken cancellationToken = default) => Backing.ListAsync(cancellationToken);

    public ValueTask<IReadOnlyList<Sip2ClientRegistration>> ListByAddressAsync(IPAddress address, CancellationToken cancellationToken = default) => Backing.ListByAddressAsync(address, cancellationToken);

    public ValueTask<IReadOnlyList<Sip2ClientRegistration>> ListByInstitutionAsync(string institutionId, CancellationToken cancellationToken = default) => Backing.ListByInstitutionAsync(institutionId, cancellationToken);

    public ValueTask<Sip2Institution?> GetInstitutionAsync(string institutionId, CancellationToken cancellationToken = default) => Backing.GetInstitutionAsync(institutionId, cancellationToken);

    public ValueTask<IReadOnlyList<Sip2Institution>> GetGroupMembersAsync(string groupId, CancellationToken cancellationToken = default) => Backing.GetGroupMembersAsync(groupId, cancellationToken);

    public ValueTask<Sip2BranchConfiguration?> GetBranchConfigurationAsync(string institutionId, string branchId, CancellationToken cancellationToken = default) =>
        Backing.GetBranchConfigurationAsync(institutionId, branchId, cancellationToken);

    public string GetText(Sip2MessageScenario scenario, string? institutionId) => Backing.GetText(scenario, institutionId);

    public ValueTask<IReadOnlyList<Sip2InstitutionGroup>> ListGroupsAsync(CancellationToken cancellationToken = default) => Backing.ListGroupsAsync(cancellationToken);

    public ValueTask<IReadOnlyList<Sip2Institution>> ListInstitutionsAsync(CancellationToken cancellationToken = default) => Backing.ListInstitutionsAsync(cancellationToken);

    public ValueTask<IReadOnlyList<Sip2BranchConfiguration>> ListBranchConfigurationsAsync(CancellationToken cancellationToken = default) => Backing.ListBranchConfigurationsAsync(cancellationToken);

    public ValueTask<IReadOnlyList<Sip2MessageOverride>> ListMessageOverridesAsync(string institutionId, CancellationToken cancellationToken = default) => Backing.ListMessageOverridesAsync(institutionId, cancellationToken);

    public ValueTask<IReadOnlyList<Sip2AuditEntry>> ListAuditAsync(int limit = 100, long? before = null, CancellationToken cancellationToken = default) => Backing.ListAuditAsync(limit, before, cancellationToken);

    public ValueTask<Sip2RegistryResult> CreateAsync(Sip2ClientRegistration registration, string? actor = null, CancellationToken cancellationToken = default) => Write(() => Backing.CreateAsync(registration, actor, cancellationToken));

    public ValueTask<Sip2RegistryResult> UpdateAsync(Sip2ClientRegistration registration, string? actor = null, CancellationToken cancellationToken = default) => Write(() => Backing.UpdateAsync(registration, actor, cancellationToken));

    public ValueTask<Sip2RegistryResult> DeleteAsync(Guid id, string? actor = null, CancellationToken cancellationToken = default) => Write(() => Backing.DeleteAsync(id, actor, cancellationToken));

    public ValueTask<Sip2RegistryResult> ActivateAsync(Guid id, string? actor = null, CancellationToken cancellationToken = default) => Write(() => Backing.ActivateAsync(id, actor, cancellationToken));

    public ValueTask<Sip2RegistryResult> DeactivateAsync(Guid id, string? actor = null, CancellationToken cancellationToken = default) => Write(() => Backing.DeactivateAsync(id, actor, cancellationToken));

    public ValueTask<Sip2RegistryResult> ChangeLoginIdAsync(Guid id, string? newLoginId, Sip2PasswordHash? newPassword = null, string? actor = null, CancellationToken cancellationToken = default) =>
        Write(() => Backing.ChangeLoginIdAsync(id, newLoginId, newPassword, actor, cancellationToken));

    public ValueTask<Sip2RegistryResult> SetPasswordAsync(Guid id, Sip2PasswordHash password, string? actor = null, CancellationToken cancellationToken = default) => Write(() => Backing.SetPasswordAsync(id, password, actor, cancellationToken));

    public ValueTask<Sip2RegistryError?> SaveGroupAsync(Sip2InstitutionGroup group, string? actor = null, CancellationToken cancellationToken = default) => Backing.SaveGroupAsync(group, actor, cancellationToken);

    public ValueTask<Sip2RegistryError?> DeleteGroupAsync(string groupId, string? actor = null, CancellationToken cancellationToken = default) => Backing.DeleteGroupAsync(groupId, actor, cancellationToken);

    public ValueTask<Sip2RegistryError?> SaveInstitutionAsync(Sip2Institution institution, string? actor = null, CancellationToken cancellationToken = default) => Backing.SaveInstitutionAsync(institution, actor, cancellationToken);

    public ValueTask<Sip2RegistryError?> DeleteInstitutionAsync(string institutionId, string? actor = null, CancellationToken cancellationToken = default) => Backing.DeleteInstitutionAsync(institutionId, actor, cancellationToken);

    public ValueTask<Sip2RegistryError?> SaveBranchConfigurationAsync(Sip2BranchConfiguration configuration, string? actor = null, CancellationToken cancellationToken = default) =>
        Backing.SaveBranchConfigurationAsync(configuration, actor, cancellationToken);

    public ValueTask<Sip2RegistryError?> DeleteBranchConfigurationAsync(string institutionId, string branchId, string? actor = null, CancellationToken cancellationToken = default) =>
        Backing.DeleteBranchConfigurationAsync(institutionId, branchId, actor, cancellationToken);

    public ValueTask<Sip2RegistryError?> SetMessageOverrideAsync(string institutionId, Sip2MessageScenario scenario, string? text, string? actor = null, CancellationToken cancellationToken = default) =>
        Backing.SetMessageOverrideAsync(institutionId, scenario, text, actor, cancellationToken);

    // The backing store raises its event inside the write; marking the writer lets this instance raise its own change
    // at once and leave the others' to their notification.
    private async ValueTask<Sip2RegistryResult> Write(Func<ValueTask<Sip2RegistryResult>> write)
    {
        Writer.Value = this;
        try
        {
            return await write();
        }
        finally
        {
            Writer.Value = null;
        }
    }
}
