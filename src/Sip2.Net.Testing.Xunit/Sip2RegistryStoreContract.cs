using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Sip2.Net.Access;
using Sip2.Net.Resolution;
using Sip2.Net.Testing.Xunit.Internal;
using Xunit;

namespace Sip2.Net.Testing.Xunit;

/// <summary>
/// The contract every <see cref="ISip2RegistryStore"/> keeps, as xUnit tests: derive a test class, return a fresh,
/// empty store from <see cref="CreateStoreAsync"/>, and the tests check every registry rule (and the field each refusal
/// names), that every refusal leaves the store exactly as it was, the change events, the audit trail, concurrent writers,
/// and random sequences of operations against a reference model of the rules. A store shared by several server instances
/// also overrides <see cref="OpenSecondInstanceAsync"/>, and the event and concurrency tests then run across the two.
/// </summary>
/// <remarks>
/// Every test creates its own stores, so the tests of one class may run in any order. The suite calls
/// <see cref="ISip2RegistryStore.InitializeAsync"/> itself: return the store before it is initialised. Registrations use
/// documentation addresses (203.0.113.0/24, 198.51.100.0/24, 2001:db8::/32), which every <see cref="Sip2RegistryOptions"/>
/// allows, and the vendor profiles every store knows (Default, Bibliotheca, Envisionware).
/// </remarks>
public abstract partial class Sip2RegistryStoreContract
{
    /// <summary>A kiosk's address (public, so every option set allows it).</summary>
    protected static readonly IPAddress Kiosk = IPAddress.Parse("203.0.113.10");

    /// <summary>An address several kiosks share (behind one NAT).</summary>
    protected static readonly IPAddress Shared = IPAddress.Parse("203.0.113.20");

    /// <summary>Another kiosk's address.</summary>
    protected static readonly IPAddress Other = IPAddress.Parse("198.51.100.7");

    // Hashing at the lowest cost keeps the suite fast; the cost is stored with the hash and is not what is tested.
    private static readonly Dictionary<string, Sip2PasswordHash> Hashes = new(StringComparer.Ordinal);

    /// <summary>
    /// A new, empty store, not yet initialised, for one test. Each call returns a store of its own. The model-based
    /// test disposes each of its stores (IAsyncDisposable or IDisposable) when its run ends, so disposing must be safe
    /// to repeat for a class that also disposes what it made.
    /// </summary>
    /// <param name="options">Which address ranges the store accepts.</param>
    protected abstract Task<ISip2RegistryStore> CreateStoreAsync(Sip2RegistryOptions options);

    /// <summary>
    /// A second instance over the same backing data as <paramref name="store"/>, as a second server would open it (the
    /// suite initialises it); null (the default) for a store that cannot be shared, which skips the cross-instance part
    /// of the event and concurrency tests.
    /// </summary>
    /// <param name="store">A store from <see cref="CreateStoreAsync"/>, initialised.</param>
    /// <param name="options">The options it was created with.</param>
    protected virtual Task<ISip2RegistryStore?> OpenSecondInstanceAsync(ISip2RegistryStore store, Sip2RegistryOptions options) => Task.FromResult<ISip2RegistryStore?>(null);

    /// <summary>
    /// A new store over what <paramref name="store"/> keeps, as the server's next start would open it (the suite
    /// initialises it); null (the default) for a store that keeps nothing once it is gone, which skips the durability
    /// test.
    /// </summary>
    /// <param name="store">A store from <see cref="CreateStoreAsync"/>, initialised and written to.</param>
    /// <param name="options">The options it was created with.</param>
    protected virtual Task<ISip2RegistryStore?> ReopenAsync(ISip2RegistryStore store, Sip2RegistryOptions options) => Task.FromResult<ISip2RegistryStore?>(null);

    /// <summary>How many random operation sequences the model-based test runs (each on a fresh store). Default: 100.</summary>
    protected virtual int ModelRuns => 100;

    /// <summary>How long a change made on one instance may take to reach the other's events and reads. Default: 10 seconds.</summary>
    protected virtual TimeSpan PropagationTimeout => TimeSpan.FromSeconds(10);

    /// <summary>A password's hash, made once per password at the lowest cost.</summary>
    protected static Sip2PasswordHash Hash(string password)
    {
        lock (Hashes)
        {
            if (!Hashes.TryGetValue(password, out var hash))
            {
                Hashes[password] = hash = Sip2PasswordHash.Create(password, Sip2PasswordHash.MinimumIterations);
            }

            return hash;
        }
    }

    /// <summary>A registration for institution A's branch MAIN unless told otherwise.</summary>
    protected static Sip2ClientRegistration Registration(IPAddress address, string? loginId = null, string? password = null, string institution = "A", string branch = "MAIN") => new()
    {
        IPAddress = address,
        LoginId = loginId,
        PasswordHash = password is null ? null : Hash(password),
        InstitutionId = institution,
        BranchId = branch,
    };

    /// <summary>A fresh store, initialised, holding the library world every test starts from.</summary>
    /// <remarks>
    /// Group G with institutions A and B, institution C on its own; branches A/MAIN, A/EAST, B/MAIN and C/MAIN are
    /// configured, A/NONE is not. Written with actor <c>setup</c>.
    /// </remarks>
    protected async Task<ISip2RegistryStore> NewStoreAsync(Sip2RegistryOptions? options = null)
    {
        var store = await NewEmptyStoreAsync(options ?? new Sip2RegistryOptions());
        await SeedAsync(store);
        return store;
    }

    /// <summary>A fresh store, initialised, with nothing in it.</summary>
    protected async Task<ISip2RegistryStore> NewEmptyStoreAsync(Sip2RegistryOptions options)
    {
        var store = await CreateStoreAsync(options);
        Assert.NotNull(store);
        Assert.True(await store.InitializeAsync(), "InitializeAsync of a new store says whether it created it empty: it did.");
        return store;
    }

    /// <summary>Writes the library world of <see cref="NewStoreAsync"/> into a store.</summary>
    protected static async Task SeedAsync(ISip2RegistryStore store)
    {
        if (store is null)
        {
            throw new ArgumentNullException(nameof(store));
        }

        await MustAsync(store.SaveGroupAsync(new Sip2InstitutionGroup { Id = "G", Name = "Group" }, "setup"));
        await MustAsync(store.SaveInstitutionAsync(new Sip2Institution { Id = "A", Name = "Institution A", GroupId = "G" }, "setup"));
        await MustAsync(store.SaveInstitutionAsync(new Sip2Institution { Id = "B", GroupId = "G" }, "setup"));
        await MustAsync(store.SaveInstitutionAsync(new Sip2Institution { Id = "C" }, "setup"));
        foreach (var (institution, branch) in new[] { ("A", "MAIN"), ("A", "EAST"), ("B", "MAIN"), ("C", "MAIN") })
        {
            await MustAsync(store.SaveBranchConfigurationAsync(
                new Sip2BranchConfiguration { InstitutionId = institution, BranchId = branch, LibraryName = $"{institution} {branch}" }, "setup"));
        }
    }

    /// <summary>Creates a registration that must be accepted; returns it as stored.</summary>
    protected static async Task<Sip2ClientRegistration> CreateAsync(ISip2ClientRegistry registry, Sip2ClientRegistration registration, string? actor = null)
    {
        if (registry is null)
        {
            throw new ArgumentNullException(nameof(registry));
        }

        var result = await registry.CreateAsync(registration, actor);
        Assert.True(result.Succeeded, result.ToString());
        return result.Registration!;
    }

    /// <summary>
    /// Runs an operation the store must refuse for <paramref name="rule"/> on <paramref name="field"/>, and checks that
    /// it left everything the store lists as it was, raised no event and wrote no audit entry.
    /// </summary>
    protected static async Task AssertRefusedAsync(ISip2RegistryStore store, Func<Task<Sip2RegistryResult>> operation, Sip2RegistryRule rule, string field)
    {
        if (store is null || operation is null)
        {
            throw new ArgumentNullException(store is null ? nameof(store) : nameof(operation));
        }

        var result = await WatchUnchangedAsync(store, operation);
        Assert.False(result.Succeeded, $"expected a refusal for {rule}, the store accepted it");
        Assert.Null(result.Registration);
        Assert.Null(result.Change);
        Assert.Equal((rule, field), (result.Error!.Rule, result.Error.Field));
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message), "a refusal says why");
        Assert.Equal(rule, Assert.Throws<Sip2RegistryException>(() => result.GetValueOrThrow()).Error.Rule);
    }

    /// <summary>The same as <see cref="AssertRefusedAsync(ISip2RegistryStore, Func{Task{Sip2RegistryResult}}, Sip2RegistryRule, string)"/>, for directory writes.</summary>
    protected static async Task AssertRefusedAsync(ISip2RegistryStore store, Func<Task<Sip2RegistryError?>> operation, Sip2RegistryRule rule, string field)
    {
        if (store is null || operation is null)
        {
            throw new ArgumentNullException(store is null ? nameof(store) : nameof(operation));
        }

        var error = await WatchUnchangedAsync(store, operation);
        Assert.NotNull(error);
        Assert.Equal((rule, field), (error.Rule, error.Field));
        Assert.False(string.IsNullOrWhiteSpace(error.Message), "a refusal says why");
    }

    /// <summary>Runs an operation and checks it changed nothing the store can list, raised no event and wrote no audit entry.</summary>
    protected static async Task<T> WatchUnchangedAsync<T>(ISip2RegistryStore store, Func<Task<T>> operation)
    {
        if (store is null || operation is null)
        {
            throw new ArgumentNullException(store is null ? nameof(store) : nameof(operation));
        }

        var before = await StoreContents.ReadAsync(store);
        var events = new List<Sip2RegistrationChangedEventArgs>();
        void Record(object? sender, Sip2RegistrationChangedEventArgs change)
        {
            lock (events)
            {
                events.Add(change);
            }
        }

        store.RegistrationChanged += Record;
        T result;
        try
        {
            result = await operation();
        }
        finally
        {
            store.RegistrationChanged -= Record;
        }

        (await StoreContents.ReadAsync(store)).AssertSameAs(before);
        Assert.Empty(events);
        return result;
    }

    /// <summary>
    /// Checks the registry rules over everything a store holds: rule 1 (a shared address has credentials on every
    /// registration), rule 2 (login ids unique per address, case-insensitively), a password only with a login id.
    /// </summary>
    protected static void AssertRulesHold(IReadOnlyCollection<Sip2ClientRegistration> registrations)
    {
        if (registrations is null)
        {
            throw new ArgumentNullException(nameof(registrations));
        }

        foreach (var address in registrations.GroupBy(r => r.IPAddress))
        {
            if (address.Count() > 1)
            {
                Assert.All(address, r => Assert.True(r.LoginId is not null && r.PasswordHash is not null, $"rule 1: {address.Key} is shared by a registration without login id and password"));
            }

            var logins = address.Where(r => r.LoginId is not null).Select(r => r.LoginId!.ToUpperInvariant()).ToList();
            Assert.True(logins.Count == logins.Distinct().Count(), $"rule 2: a login id is used twice at {address.Key}");
        }

        Assert.All(registrations, r => Assert.True(r.PasswordHash is null || r.LoginId is not null, "a password without a login id"));
    }

    private static async Task MustAsync(ValueTask<Sip2RegistryError?> write) => Assert.Null(await write);
}
