using System.IO;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Access;
using Sip2.Net.Encodings;
using Sip2.Net.Resolution;

namespace Sip2.Net.Tests.Access;

// docs/custom-policy-store.md shows this file; CustomStoreExampleTests runs it.

/// <summary>
/// An integrator's own store: registrations kept in a JSON file. The rules of the model are not re-implemented:
/// the file is loaded into an <see cref="InMemorySip2RegistryStore"/> (which refuses what breaks them) and
/// written back after every change that registry accepted.
/// </summary>
public sealed class JsonFileClientRegistry : ISip2ClientRegistry, IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly string path;
    private readonly InMemorySip2RegistryStore inner;
    private readonly SemaphoreSlim saveLock = new(1, 1);
    private readonly List<Sip2RegistryError> refusedOnLoad = new();

    private JsonFileClientRegistry(string path, InMemorySip2RegistryStore inner)
    {
        this.path = path;
        this.inner = inner;
    }

    /// <inheritdoc/>
    public event EventHandler<Sip2RegistrationChangedEventArgs>? RegistrationChanged
    {
        add => inner.RegistrationChanged += value;
        remove => inner.RegistrationChanged -= value;
    }

    /// <summary>The entries of the file that the rules refused when it was opened (for example after a hand edit).</summary>
    public IReadOnlyList<Sip2RegistryError> RefusedOnLoad => refusedOnLoad;

    /// <summary>Opens the file; a missing file is an empty registry.</summary>
    /// <param name="path">The file.</param>
    /// <param name="rules">An in-memory store holding the institutions and branches: it checks the rules.</param>
    public static async Task<JsonFileClientRegistry> OpenAsync(string path, InMemorySip2RegistryStore rules)
    {
        var registry = new JsonFileClientRegistry(path, rules);
        if (File.Exists(path))
        {
            await using var stream = File.OpenRead(path);
            var stored = await JsonSerializer.DeserializeAsync<List<StoredRegistration>>(stream, Json) ?? new();
            foreach (var entry in stored)
            {
                var result = await registry.inner.CreateAsync(entry.ToRegistration());
                if (!result.Succeeded)
                {
                    registry.refusedOnLoad.Add(result.Error);
                }
            }
        }

        return registry;
    }

    public void Dispose() => saveLock.Dispose();

    public ValueTask<Sip2ClientRegistration?> GetAsync(Guid id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);

    public ValueTask<IReadOnlyList<Sip2ClientRegistration>> ListAsync(CancellationToken cancellationToken = default) => inner.ListAsync(cancellationToken);

    public ValueTask<IReadOnlyList<Sip2ClientRegistration>> ListByAddressAsync(IPAddress address, CancellationToken cancellationToken = default) =>
        inner.ListByAddressAsync(address, cancellationToken);

    public ValueTask<IReadOnlyList<Sip2ClientRegistration>> ListByInstitutionAsync(string institutionId, CancellationToken cancellationToken = default) =>
        inner.ListByInstitutionAsync(institutionId, cancellationToken);

    public ValueTask<Sip2RegistryResult> CreateAsync(Sip2ClientRegistration registration, string? actor = null, CancellationToken cancellationToken = default) =>
        SaveIfChangedAsync(inner.CreateAsync(registration, actor, cancellationToken), cancellationToken);

    public ValueTask<Sip2RegistryResult> UpdateAsync(Sip2ClientRegistration registration, string? actor = null, CancellationToken cancellationToken = default) =>
        SaveIfChangedAsync(inner.UpdateAsync(registration, actor, cancellationToken), cancellationToken);

    public ValueTask<Sip2RegistryResult> DeleteAsync(Guid id, string? actor = null, CancellationToken cancellationToken = default) =>
        SaveIfChangedAsync(inner.DeleteAsync(id, actor, cancellationToken), cancellationToken);

    public ValueTask<Sip2RegistryResult> ActivateAsync(Guid id, string? actor = null, CancellationToken cancellationToken = default) =>
        SaveIfChangedAsync(inner.ActivateAsync(id, actor, cancellationToken), cancellationToken);

    public ValueTask<Sip2RegistryResult> DeactivateAsync(Guid id, string? actor = null, CancellationToken cancellationToken = default) =>
        SaveIfChangedAsync(inner.DeactivateAsync(id, actor, cancellationToken), cancellationToken);

    public ValueTask<Sip2RegistryResult> ChangeLoginIdAsync(Guid id, string? newLoginId, Sip2PasswordHash? newPassword = null, string? actor = null, CancellationToken cancellationToken = default) =>
        SaveIfChangedAsync(inner.ChangeLoginIdAsync(id, newLoginId, newPassword, actor, cancellationToken), cancellationToken);

    public ValueTask<Sip2RegistryResult> SetPasswordAsync(Guid id, Sip2PasswordHash password, string? actor = null, CancellationToken cancellationToken = default) =>
        SaveIfChangedAsync(inner.SetPasswordAsync(id, password, actor, cancellationToken), cancellationToken);

    private async ValueTask<Sip2RegistryResult> SaveIfChangedAsync(ValueTask<Sip2RegistryResult> operation, CancellationToken cancellationToken)
    {
        var result = await operation;
        if (!result.Succeeded)
        {
            return result; // refused: the registry, and so the file, is unchanged
        }

        // One writer at a time, each writing the latest state to a temporary file and swapping it in whole,
        // so a crash never leaves half a file. (A database store would run one UPDATE per change instead.)
        await saveLock.WaitAsync(cancellationToken);
        try
        {
            var all = await inner.ListAsync(cancellationToken);
            var temporary = path + ".tmp";
            await using (var stream = File.Create(temporary))
            {
                await JsonSerializer.SerializeAsync(stream, all.Select(StoredRegistration.From).ToList(), Json, cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            saveLock.Release();
        }

        return result;
    }

    /// <summary>The JSON shape of a registration: the password only as its stored hash.</summary>
    public sealed record StoredRegistration(
        Guid Id, string IPAddress, string? LoginId, string? PasswordHash, string? Description, string InstitutionId, string BranchId,
        string Vendor, Sip2CharacterEncoding Encoding, Sip2ResolutionLevel ResolutionLevel, bool Activated)
    {
        public static StoredRegistration From(Sip2ClientRegistration r) => new(
            r.Id, r.IPAddress.ToString(), r.LoginId, r.PasswordHash?.ToStoredString(), r.Description, r.InstitutionId, r.BranchId,
            r.Vendor, r.Encoding, r.ResolutionLevel, r.Activated);

        public Sip2ClientRegistration ToRegistration() => new()
        {
            Id = Id,
            IPAddress = System.Net.IPAddress.Parse(IPAddress),
            LoginId = LoginId,
            PasswordHash = PasswordHash is null ? null : Sip2PasswordHash.Parse(PasswordHash),
            Description = Description,
            InstitutionId = InstitutionId,
            BranchId = BranchId,
            Vendor = Vendor,
            Encoding = Encoding,
            ResolutionLevel = ResolutionLevel,
            Activated = Activated,
        };
    }
}

/// <summary>
/// An integrator's own policy: the default rules, and on top of them opening hours. Outside the hours every
/// connection is refused; inside, the registry-backed policy decides. Decorating keeps the model's rules intact.
/// </summary>
public sealed class OpeningHoursAccessPolicy : ISip2AccessPolicy
{
    private readonly ISip2AccessPolicy inner;
    private readonly TimeProvider time;
    private readonly TimeSpan opens;
    private readonly TimeSpan closes;

    public OpeningHoursAccessPolicy(ISip2AccessPolicy inner, TimeProvider time, TimeSpan opens, TimeSpan closes)
    {
        this.inner = inner;
        this.time = time;
        this.opens = opens;
        this.closes = closes;
    }

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
