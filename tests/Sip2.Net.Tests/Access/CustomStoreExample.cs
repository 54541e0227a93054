using System.IO;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Access;
using Sip2.Net.Encodings;
using Sip2.Net.Resolution;
using Sip2.Net.Testing.Xunit;
using Sip2.Net.Vendors;

namespace Sip2.Net.Tests.Access;

// docs/custom-policy-store.md shows this file; the contract suite and CustomStoreExampleTests run it.

/// <summary>
/// An integrator's registry store over their own database, here one JSON file. The rules are not written again:
/// each write asks <see cref="Sip2RegistryRules"/> about the state it read, under one lock; reads answer from a
/// <see cref="Sip2RegistrySnapshot"/>; the audit trail takes its text from <see cref="Sip2AuditDetails"/>.
/// </summary>
public sealed class JsonFileRegistryStore : ISip2RegistryStore, IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly string path;
    private readonly Sip2RegistryOptions options;
    private readonly Sip2VendorProfileCatalog vendors = new();
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private volatile Sip2RegistrySnapshot snapshot = Sip2RegistrySnapshot.Empty;
    private List<Sip2AuditEntry> audit = [];

    public JsonFileRegistryStore(string path, Sip2RegistryOptions options)
    {
        this.path = path;
        this.options = options;
    }

    public event EventHandler<Sip2RegistrationChangedEventArgs>? RegistrationChanged;

    public bool IsDurable => true;

    public async ValueTask<bool> InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            await SaveAsync(Sip2RegistrySnapshot.Empty, [], cancellationToken);
            return true; // created empty: the host may seed it
        }

        await using var stream = File.OpenRead(path);
        var file = await JsonSerializer.DeserializeAsync<StoredFile>(stream, Json, cancellationToken) ?? new StoredFile();
        snapshot = Sip2RegistrySnapshot.Create(file.Groups, file.Institutions, file.Branches, file.Registrations.Select(r => r.ToRegistration()), file.Overrides);
        audit = file.Audit;
        return false;
    }

    public Sip2RegistryStoreStatus GetStatus() => new() { IsReachable = true, SynchronizedAt = DateTimeOffset.UtcNow };

    // Reads: from the snapshot, never from the file.
    public ValueTask<Sip2ClientRegistration?> GetAsync(Guid id, CancellationToken cancellationToken = default) => new(snapshot.GetRegistration(id));

    public ValueTask<IReadOnlyList<Sip2ClientRegistration>> ListAsync(CancellationToken cancellationToken = default) => new(snapshot.Registrations.ToList());

    public ValueTask<IReadOnlyList<Sip2ClientRegistration>> ListByAddressAsync(IPAddress address, CancellationToken cancellationToken = default) => new(snapshot.RegistrationsAt(address));

    public ValueTask<IReadOnlyList<Sip2ClientRegistration>> ListByInstitutionAsync(string institutionId, CancellationToken cancellationToken = default) =>
        new(snapshot.Registrations.Where(r => string.Equals(r.InstitutionId, institutionId, StringComparison.OrdinalIgnoreCase)).ToList());

    public ValueTask<Sip2Institution?> GetInstitutionAsync(string institutionId, CancellationToken cancellationToken = default) => new(snapshot.GetInstitution(institutionId));

    public ValueTask<IReadOnlyList<Sip2Institution>> GetGroupMembersAsync(string groupId, CancellationToken cancellationToken = default) => new(snapshot.GroupMembers(groupId));

    public ValueTask<Sip2BranchConfiguration?> GetBranchConfigurationAsync(string institutionId, string branchId, CancellationToken cancellationToken = default) =>
        new(snapshot.GetBranchConfiguration(institutionId, branchId));

    public string GetText(Sip2MessageScenario scenario, string? institutionId) => snapshot.GetOverride(institutionId, scenario) ?? Sip2MessageCatalog.GetDefaultText(scenario);

    public ValueTask<IReadOnlyList<Sip2InstitutionGroup>> ListGroupsAsync(CancellationToken cancellationToken = default) => new(snapshot.Groups.OrderBy(g => g.Id, StringComparer.OrdinalIgnoreCase).ToList());

    public ValueTask<IReadOnlyList<Sip2Institution>> ListInstitutionsAsync(CancellationToken cancellationToken = default) =>
        new(snapshot.Institutions.OrderBy(i => i.Id, StringComparer.OrdinalIgnoreCase).ToList());

    public ValueTask<IReadOnlyList<Sip2BranchConfiguration>> ListBranchConfigurationsAsync(CancellationToken cancellationToken = default) =>
        new(snapshot.BranchConfigurations.OrderBy(b => b.InstitutionId, StringComparer.OrdinalIgnoreCase).ThenBy(b => b.BranchId, StringComparer.OrdinalIgnoreCase).ToList());

    public ValueTask<IReadOnlyList<Sip2MessageOverride>> ListMessageOverridesAsync(string institutionId, CancellationToken cancellationToken = default) => new(snapshot.OverridesOf(institutionId));

    public ValueTask<IReadOnlyList<Sip2AuditEntry>> ListAuditAsync(int limit = 100, long? before = null, CancellationToken cancellationToken = default) =>
        new(audit.AsEnumerable().Reverse().Where(e => before is null || e.Sequence < before).Take(limit).ToList());

    // Registration writes: the rule decides, the store stores.
    public ValueTask<Sip2RegistryResult> CreateAsync(Sip2ClientRegistration registration, string? actor = null, CancellationToken cancellationToken = default)
    {
        var requested = registration.Id == Guid.Empty ? registration with { Id = Guid.NewGuid() } : registration;
        return RegistrationWriteAsync(s => s.GetRegistration(requested.Id) is not null
            ? Sip2RegistryResult.Failure(Sip2RegistryRule.DuplicateId, nameof(Sip2ClientRegistration.Id), "A registration with this id already exists.")
            : Sip2RegistryRules.Create(requested, s.RegistrationsAt(requested.IPAddress), Configured(s, requested), options, vendors), null, actor, cancellationToken);
    }

    public ValueTask<Sip2RegistryResult> UpdateAsync(Sip2ClientRegistration registration, string? actor = null, CancellationToken cancellationToken = default) =>
        RegistrationWriteAsync(s => s.GetRegistration(registration.Id) is { } existing
            ? Sip2RegistryRules.Update(registration, existing, Configured(s, registration), vendors)
            : Sip2RegistryRules.NotFound(), registration.Id, actor, cancellationToken);

    public ValueTask<Sip2RegistryResult> DeleteAsync(Guid id, string? actor = null, CancellationToken cancellationToken = default) =>
        RegistrationWriteAsync(s => s.GetRegistration(id) is { } existing ? Sip2RegistryResult.Success(existing, Sip2RegistrationChangeKind.Deleted) : Sip2RegistryRules.NotFound(), id, actor, cancellationToken);

    public ValueTask<Sip2RegistryResult> ActivateAsync(Guid id, string? actor = null, CancellationToken cancellationToken = default) =>
        RegistrationWriteAsync(s => s.GetRegistration(id) is { } existing ? Sip2RegistryRules.SetActivated(existing, true) : Sip2RegistryRules.NotFound(), id, actor, cancellationToken);

    public ValueTask<Sip2RegistryResult> DeactivateAsync(Guid id, string? actor = null, CancellationToken cancellationToken = default) =>
        RegistrationWriteAsync(s => s.GetRegistration(id) is { } existing ? Sip2RegistryRules.SetActivated(existing, false) : Sip2RegistryRules.NotFound(), id, actor, cancellationToken);

    public ValueTask<Sip2RegistryResult> ChangeLoginIdAsync(Guid id, string? newLoginId, Sip2PasswordHash? newPassword = null, string? actor = null, CancellationToken cancellationToken = default) =>
        RegistrationWriteAsync(s => s.GetRegistration(id) is { } existing
            ? Sip2RegistryRules.ChangeLoginId(existing, newLoginId, newPassword, s.RegistrationsAt(existing.IPAddress))
            : Sip2RegistryRules.NotFound(), id, actor, cancellationToken);

    public ValueTask<Sip2RegistryResult> SetPasswordAsync(Guid id, Sip2PasswordHash password, string? actor = null, CancellationToken cancellationToken = default) =>
        RegistrationWriteAsync(s => s.GetRegistration(id) is { } existing ? Sip2RegistryRules.SetPassword(existing, password) : Sip2RegistryRules.NotFound(), id, actor, cancellationToken);

    // Directory writes: the check, then the next snapshot and what the audit trail says.
    public ValueTask<Sip2RegistryError?> SaveGroupAsync(Sip2InstitutionGroup group, string? actor = null, CancellationToken cancellationToken = default) =>
        DirectoryWriteAsync(s => (Sip2RegistryRules.CheckGroup(group), s.WithGroup(group), Sip2AuditAction.GroupSaved, group.Id, Sip2AuditDetails.Of(group)), actor, cancellationToken);

    public ValueTask<Sip2RegistryError?> DeleteGroupAsync(string groupId, string? actor = null, CancellationToken cancellationToken = default) =>
        DirectoryWriteAsync(s => s.GetGroup(groupId) is { } group
            ? (Sip2RegistryRules.CheckDelete("Id", "group " + group.Id, s.GroupMembers(group.Id).Count, "institutions"), s.WithoutGroup(group.Id), Sip2AuditAction.GroupDeleted, group.Id, Sip2AuditDetails.Of(group))
            : (NotFound("Id", groupId), s, default, "", ""), actor, cancellationToken);

    public ValueTask<Sip2RegistryError?> SaveInstitutionAsync(Sip2Institution institution, string? actor = null, CancellationToken cancellationToken = default) =>
        DirectoryWriteAsync(s => (Sip2RegistryRules.CheckInstitution(institution, s.GetGroup(institution.GroupId) is not null), s.WithInstitution(institution),
            Sip2AuditAction.InstitutionSaved, institution.Id, Sip2AuditDetails.Of(institution)), actor, cancellationToken);

    public ValueTask<Sip2RegistryError?> DeleteInstitutionAsync(string institutionId, string? actor = null, CancellationToken cancellationToken = default) =>
        DirectoryWriteAsync(s => s.GetInstitution(institutionId) is { } institution
            ? (Sip2RegistryRules.CheckDelete("Id", "institution " + institution.Id, s.BranchConfigurations.Count(b => string.Equals(b.InstitutionId, institution.Id, StringComparison.OrdinalIgnoreCase)), "branch configurations")
                ?? Sip2RegistryRules.CheckDelete("Id", "institution " + institution.Id, s.CountRegistrations(institution.Id), "registrations"),
                s.WithoutInstitution(institution.Id), Sip2AuditAction.InstitutionDeleted, institution.Id, Sip2AuditDetails.Of(institution))
            : (NotFound("Id", institutionId), s, default, "", ""), actor, cancellationToken);

    public ValueTask<Sip2RegistryError?> SaveBranchConfigurationAsync(Sip2BranchConfiguration configuration, string? actor = null, CancellationToken cancellationToken = default) =>
        DirectoryWriteAsync(s => (Sip2RegistryRules.CheckBranchConfiguration(configuration, s.GetInstitution(configuration.InstitutionId) is not null), s.WithBranchConfiguration(configuration),
            Sip2AuditAction.BranchConfigurationSaved, Sip2AuditDetails.Subject(configuration.InstitutionId, configuration.BranchId), Sip2AuditDetails.Of(configuration)), actor, cancellationToken);

    public ValueTask<Sip2RegistryError?> DeleteBranchConfigurationAsync(string institutionId, string branchId, string? actor = null, CancellationToken cancellationToken = default) =>
        DirectoryWriteAsync(s => s.GetBranchConfiguration(institutionId, branchId) is { } branch
            ? (Sip2RegistryRules.CheckDelete("BranchId", "branch " + branch.BranchId, s.CountRegistrations(institutionId, branchId), "registrations"),
                s.WithoutBranchConfiguration(branch.InstitutionId, branch.BranchId), Sip2AuditAction.BranchConfigurationDeleted, Sip2AuditDetails.Subject(branch.InstitutionId, branch.BranchId), Sip2AuditDetails.Of(branch))
            : (NotFound("BranchId", branchId), s, default, "", ""), actor, cancellationToken);

    public ValueTask<Sip2RegistryError?> SetMessageOverrideAsync(string institutionId, Sip2MessageScenario scenario, string? text, string? actor = null, CancellationToken cancellationToken = default) =>
        DirectoryWriteAsync(s =>
        {
            var error = Sip2RegistryRules.CheckMessageOverride(institutionId, scenario, text, s.GetInstitution(institutionId) is not null);
            var unchanged = error is null && text is null && s.GetOverride(institutionId, scenario) is null; // nothing to remove: no change, no entry
            return (error, unchanged || error is not null ? s : s.WithOverride(s.GetInstitution(institutionId)!.Id, scenario, text),
                text is null ? Sip2AuditAction.MessageOverrideRemoved : Sip2AuditAction.MessageOverrideSet, Sip2AuditDetails.Subject(institutionId, scenario), Sip2AuditDetails.Of(institutionId, scenario, text));
        }, actor, cancellationToken);

    public void Dispose() => writeLock.Dispose();

    private static bool Configured(Sip2RegistrySnapshot s, Sip2ClientRegistration r) => s.GetBranchConfiguration(r.InstitutionId, r.BranchId) is not null;

    private static Sip2RegistryError NotFound(string field, string id) => new(Sip2RegistryRule.NotFound, field, $"Nothing is named '{id}'.");

    // One registration write: under the lock, the rule's outcome; a change is saved, audited, then raised outside the lock.
    private async ValueTask<Sip2RegistryResult> RegistrationWriteAsync(Func<Sip2RegistrySnapshot, Sip2RegistryResult> rule, Guid? id, string? actor, CancellationToken cancellationToken)
    {
        Sip2RegistrationChangedEventArgs? change = null;
        Sip2RegistryResult result;
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            result = rule(snapshot);
            if (result.Change is { } kind && result.Registration is { } stored)
            {
                var previous = id is { } known ? snapshot.GetRegistration(known) : null;
                var next = kind == Sip2RegistrationChangeKind.Deleted ? snapshot.WithoutRegistration(stored.Id) : snapshot.WithRegistration(stored);
                await CommitAsync(next, Sip2AuditDetails.ActionOf(kind), stored.Id.ToString(), Sip2AuditDetails.Of(stored), actor, cancellationToken);
                change = new Sip2RegistrationChangedEventArgs(kind, stored, previous);
            }
        }
        finally
        {
            writeLock.Release();
        }

        if (change is not null)
        {
            try
            {
                RegistrationChanged?.Invoke(this, change);
            }
            catch (InvalidOperationException)
            {
                // A failing handler must not undo a stored change (log it in a real store).
            }
        }

        return result;
    }

    private async ValueTask<Sip2RegistryError?> DirectoryWriteAsync(
        Func<Sip2RegistrySnapshot, (Sip2RegistryError? Error, Sip2RegistrySnapshot Next, Sip2AuditAction Action, string Subject, string Details)> write, string? actor, CancellationToken cancellationToken)
    {
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            var (error, next, action, subject, details) = write(snapshot);
            if (error is null && !ReferenceEquals(next, snapshot))
            {
                await CommitAsync(next, action, subject, details, actor, cancellationToken);
            }

            return error;
        }
        finally
        {
            writeLock.Release();
        }
    }

    // A database would run the change and the audit row in one transaction; here the file is rewritten whole and
    // swapped in, so a crash leaves the old file or the new one, never half of one.
    private async ValueTask CommitAsync(Sip2RegistrySnapshot next, Sip2AuditAction action, string subject, string details, string? actor, CancellationToken cancellationToken)
    {
        var entry = new Sip2AuditEntry
        {
            Sequence = audit.Count == 0 ? 1 : audit[^1].Sequence + 1, Time = DateTimeOffset.UtcNow, Actor = Sip2AuditDetails.Actor(actor),
            Action = action, Subject = subject, Details = details,
        };
        List<Sip2AuditEntry> trail = [.. audit, entry];
        await SaveAsync(next, trail, cancellationToken);
        (snapshot, audit) = (next, trail);
    }

    private async Task SaveAsync(Sip2RegistrySnapshot state, List<Sip2AuditEntry> trail, CancellationToken cancellationToken)
    {
        var file = new StoredFile
        {
            Groups = [.. state.Groups], Institutions = [.. state.Institutions], Branches = [.. state.BranchConfigurations], Overrides = [.. state.MessageOverrides],
            Registrations = state.Registrations.Select(StoredRegistration.From).ToList(), Audit = trail,
        };
        var temporary = path + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(stream, file, Json, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private sealed class StoredFile
    {
        public List<Sip2InstitutionGroup> Groups { get; init; } = [];

        public List<Sip2Institution> Institutions { get; init; } = [];

        public List<Sip2BranchConfiguration> Branches { get; init; } = [];

        public List<Sip2MessageOverride> Overrides { get; init; } = [];

        public List<StoredRegistration> Registrations { get; init; } = [];

        public List<Sip2AuditEntry> Audit { get; init; } = [];
    }

    /// <summary>A registration as the file keeps it: the password only as its stored hash.</summary>
    private sealed record StoredRegistration(
        Guid Id, string IPAddress, string? LoginId, string? PasswordHash, string? Description, string InstitutionId, string BranchId,
        string Vendor, Sip2CharacterEncoding Encoding, Sip2ResolutionLevel ResolutionLevel, bool Activated)
    {
        public static StoredRegistration From(Sip2ClientRegistration r) => new(
            r.Id, r.IPAddress.ToString(), r.LoginId, r.PasswordHash?.ToStoredString(), r.Description, r.InstitutionId, r.BranchId, r.Vendor, r.Encoding, r.ResolutionLevel, r.Activated);

        public Sip2ClientRegistration ToRegistration() => new()
        {
            Id = Id, IPAddress = System.Net.IPAddress.Parse(IPAddress), LoginId = LoginId, PasswordHash = PasswordHash is null ? null : Sip2PasswordHash.Parse(PasswordHash),
            Description = Description, InstitutionId = InstitutionId, BranchId = BranchId, Vendor = Vendor, Encoding = Encoding, ResolutionLevel = ResolutionLevel, Activated = Activated,
        };
    }
}

/// <summary>The contract of every registry store, run against the JSON file store: each test gets a file of its own.</summary>
public sealed class JsonFileRegistryStoreContractTests : Sip2RegistryStoreContract, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sip2-store-").FullName;

    protected override Task<ISip2RegistryStore> CreateStoreAsync(Sip2RegistryOptions options) =>
        Task.FromResult<ISip2RegistryStore>(new JsonFileRegistryStore(Path.Combine(folder, Guid.NewGuid().ToString("N") + ".json"), options));

    // Every write rewrites the file, so fewer random sequences than the in-memory store's 100.
    protected override int ModelRuns => 25;

    public void Dispose() => Directory.Delete(folder, recursive: true);
}

/// <summary>
/// An integrator's own policy: the default rules, and on top of them opening hours. Outside the hours every
/// connection is refused; inside, the registry-backed policy decides. Decorating keeps the model's rules intact.
/// </summary>
public sealed class OpeningHoursAccessPolicy(ISip2AccessPolicy inner, TimeProvider time, TimeSpan opens, TimeSpan closes) : ISip2AccessPolicy
{
    public ValueTask<Sip2Admission> AdmitAsync(IPAddress remoteAddress, CancellationToken cancellationToken = default)
    {
        var now = time.GetLocalNow().TimeOfDay;
        return now >= opens && now < closes
            ? inner.AdmitAsync(remoteAddress, cancellationToken)
            : ValueTask.FromResult(Sip2Admission.Refused(Sip2MessageScenario.BackEndUnavailable));
    }

    // Logins happen on admitted connections; the default rules apply unchanged.
    public ValueTask<Sip2LoginResult> LoginAsync(Sip2AccessSession session, string? loginId, string? password, CancellationToken cancellationToken = default) =>
        inner.LoginAsync(session, loginId, password, cancellationToken);
}
