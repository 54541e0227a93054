namespace Sip2.Net.Admin.Tests;

/// <summary>One admin test host for a whole test class (starting one per test would cost a second each).</summary>
public class AdminHostFixture : IAsyncLifetime
{
    internal AdminTestHost Host { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Host = await AdminTestHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
