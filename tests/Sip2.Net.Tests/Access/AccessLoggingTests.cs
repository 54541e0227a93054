using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sip2.Net.Access;
using static Sip2.Net.Tests.Access.AccessFixture;

namespace Sip2.Net.Tests.Access;

/// <summary>The access area logs what operators need (refusals with the address) and never a password.</summary>
public sealed class AccessLoggingTests
{
    private sealed class ListLogger<T> : ILogger<T>
    {
        public List<(EventId Id, LogLevel Level, string Text)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lock (Entries)
            {
                Entries.Add((eventId, logLevel, formatter(state, exception) + "|" + values));
            }
        }
    }

    [Fact]
    public async Task A_refused_connection_is_logged_with_its_address()
    {
        var logger = new ListLogger<Sip2RegistryAccessPolicy>();
        var policy = new Sip2RegistryAccessPolicy(AccessFixture.Registry(), Directory(), logger: logger);

        await policy.AdmitAsync(Other);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(2100, entry.Id.Id);
        Assert.Equal(LogLevel.Debug, entry.Level); // the server logs the refusal as a warning, once per address per interval
        Assert.Contains(Other.ToString(), entry.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_log_entry_carries_a_password_or_the_login_id_of_a_failed_login()
    {
        var registryLogger = new ListLogger<InMemorySip2RegistryStore>();
        var registry = AccessFixture.Seed(new InMemorySip2RegistryStore(logger: registryLogger));
        var directory = registry;
        var policyLogger = new ListLogger<Sip2RegistryAccessPolicy>();
        using var policy = new Sip2RegistryAccessPolicy(registry, directory, options: new Sip2AccessPolicyOptions { MaxFailedLoginsPerAddress = 2, MaxFailedLoginsPerLoginId = 1, UnknownLoginIdDelay = TimeSpan.Zero }, logger: policyLogger);

        await CreateAsync(registry, Registration(Shared, "k1", "CorrectHorse"));
        await registry.CreateAsync(Registration(Shared, "K1", "CorrectHorse")); // refused: rule 2
        async Task LoginAsync(string loginId, string password) => await policy.LoginAsync((await policy.AdmitAsync(Shared)).Session!, loginId, password);
        await LoginAsync("typo-Battery", "BatteryStaple");
        await LoginAsync("typo-Battery", "CorrectHorse");  // the address is locked out for unknown login ids
        await LoginAsync("k1", "BatteryStaple");            // the login id is locked out at its address
        await LoginAsync("k1", "CorrectHorse");             // refused unchecked

        var all = registryLogger.Entries.Concat(policyLogger.Entries).ToList();
        Assert.Contains(all, e => e.Id.Id == 2001);                      // refused registry operation
        Assert.Contains(all, e => e.Id.Id == 2111);                      // refused login
        Assert.Contains(all, e => e.Id.Id == 2114);                      // address locked out
        Assert.Contains(all, e => e.Id.Id == 2112);                      // throttled login
        Assert.Contains(all, e => e.Id.Id == 2115);                      // login id locked out
        Assert.All(all, e =>
        {
            Assert.DoesNotContain("CorrectHorse", e.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("BatteryStaple", e.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("typo-Battery", e.Text, StringComparison.Ordinal);
        });
    }
}
