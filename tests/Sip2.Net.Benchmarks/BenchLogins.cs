using System.Diagnostics;
using System.Globalization;
using System.Net;
using Sip2.Net.Access;
using Sip2.Net.Resolution;

namespace Sip2.Net.Benchmarks;

/// <summary>
/// The registrations of the bench SIP2 server and the credentials the tools log in with: both sides name them by
/// index, so a tool only needs to know how many there are. Every registration has a login id and a password, so a
/// connection is never bound at admission and every figure includes its Login (93).
/// </summary>
public static class BenchLogins
{
    /// <summary>Registrations on 127.0.0.1 unless told otherwise: the storm's 1,100 and the load's 1,024, with room.</summary>
    public const int DefaultCount = 1_200;

    /// <summary>The password of every registration, unless each has its own (<see cref="Password"/>).</summary>
    public const string SharedPassword = "bench-pass";

    /// <summary>The login id of the registration <paramref name="index"/> on 127.0.0.1: <c>kiosk-00000</c> onwards.</summary>
    public static string LoginId(int index) => string.Create(CultureInfo.InvariantCulture, $"kiosk-{index:D5}");

    /// <summary>The password of registration <paramref name="index"/>: its own with distinct passwords, else the shared one.</summary>
    public static string Password(int index, bool distinct) =>
        distinct ? string.Create(CultureInfo.InvariantCulture, $"{SharedPassword}-{index:D5}") : SharedPassword;

    /// <summary>The extra registered address <paramref name="index"/> (0-based): 127.0.0.2 onwards.</summary>
    public static IPAddress ExtraAddress(int index) => new([127, 0, 0, (byte)(2 + index)]);

    /// <summary>The login id of the one registration on an extra address: <c>site-</c> and the address's last byte.</summary>
    public static string ExtraLoginId(int index) => string.Create(CultureInfo.InvariantCulture, $"site-{2 + index}");

    /// <summary>
    /// One institution and branch; <see cref="BenchServerSettings.Logins"/> registrations on 127.0.0.1, each with its
    /// login id; one registration on each extra address. Returns a line saying what was registered and how long it took.
    /// </summary>
    public static async Task<string> RegisterAsync(ISip2RegistryStore registry, BenchServerSettings settings, CancellationToken stop)
    {
        if (settings.ExtraAddresses is < 0 or > 250)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.ExtraAddresses, "0 to 250 extra addresses (127.0.0.2 to 127.0.0.251).");
        }

        var clock = Stopwatch.StartNew();
        await Must(registry.SaveInstitutionAsync(new Sip2Institution { Id = "main", Name = "Main Library" }, cancellationToken: stop));
        await Must(registry.SaveBranchConfigurationAsync(new Sip2BranchConfiguration
        {
            InstitutionId = "main", BranchId = "central", LibraryName = "Main Library", TerminalLocation = "Kiosk",
        }, cancellationToken: stop));

        var hashes = Hashes(settings);
        var hashing = clock.Elapsed;
        for (var i = 0; i < settings.Logins; i++)
        {
            await CreateAsync(registry, IPAddress.Loopback, LoginId(i), hashes(i), stop);
        }

        for (var k = 0; k < settings.ExtraAddresses; k++)
        {
            await CreateAsync(registry, ExtraAddress(k), ExtraLoginId(k), hashes(-1), stop);
        }

        var extra = settings.ExtraAddresses == 0 ? "" : $", and {ExtraLoginId(0)} to {ExtraLoginId(settings.ExtraAddresses - 1)} on 127.0.0.2 to {ExtraAddress(settings.ExtraAddresses - 1)}";
        var passwords = settings.DistinctPasswords ? "a password each" : $"one password, hashed once";
        return string.Create(CultureInfo.InvariantCulture,
            $"registered {LoginId(0)} to {LoginId(settings.Logins - 1)} on 127.0.0.1{extra}: {passwords}, PBKDF2 {settings.HashIterations} iterations ({hashing.TotalMilliseconds:F0} ms hashing, {clock.Elapsed.TotalMilliseconds:F0} ms in all)");
    }

    // The hash of registration i (-1 for the extra addresses, which share the first password). With one password, it
    // is hashed once and each registration gets its own object parsed from the stored form, as from a store: nothing
    // on the server's side can tell the registrations apart by the hash object, only by the registration.
    private static Func<int, Sip2PasswordHash> Hashes(BenchServerSettings settings)
    {
        if (!settings.DistinctPasswords)
        {
            var stored = Sip2PasswordHash.Create(SharedPassword, settings.HashIterations).ToStoredString();
            return _ => Sip2PasswordHash.Parse(stored);
        }

        var own = new Sip2PasswordHash[settings.Logins];
        Parallel.For(0, settings.Logins, i => own[i] = Sip2PasswordHash.Create(Password(i, distinct: true), settings.HashIterations));
        var shared = Sip2PasswordHash.Create(SharedPassword, settings.HashIterations);
        return i => i < 0 ? shared : own[i];
    }

    private static async Task CreateAsync(ISip2RegistryStore registry, IPAddress address, string loginId, Sip2PasswordHash hash, CancellationToken stop) =>
        (await registry.CreateAsync(new Sip2ClientRegistration
        {
            IPAddress = address, LoginId = loginId, PasswordHash = hash, InstitutionId = "main", BranchId = "central",
        }, cancellationToken: stop)).GetValueOrThrow();

    private static async Task Must(ValueTask<Sip2RegistryError?> write)
    {
        if (await write is { } error)
        {
            throw new InvalidOperationException(error.ToString());
        }
    }
}
