using Microsoft.Extensions.Logging;
using Sip2.Net.Access;

namespace Sip2.Net.Storage.Tests.Harness;

/// <summary>One database under test. Disposing it disposes every store opened over it and removes the database.</summary>
public abstract class StoreDatabase : IAsyncDisposable
{
    private readonly List<ISip2RegistryStore> opened = [];

    /// <summary>A new store over this database, not yet initialised.</summary>
    public ISip2RegistryStore Open(StoreSettings? settings = null) => Track(Create(settings ?? new StoreSettings()));

    /// <summary>A new store over this database, initialised.</summary>
    public async Task<ISip2RegistryStore> OpenAsync(StoreSettings? settings = null)
    {
        var store = Open(settings);
        await store.InitializeAsync();
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in opened.Distinct())
        {
            switch (store)
            {
                case IAsyncDisposable disposable:
                    await disposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }

        await DropAsync();
        GC.SuppressFinalize(this);
    }

    protected abstract ISip2RegistryStore Create(StoreSettings settings);

    protected T Track<T>(T store)
        where T : ISip2RegistryStore
    {
        lock (opened)
        {
            opened.Add(store);
        }

        return store;
    }

    protected virtual Task DropAsync() => Task.CompletedTask;

    protected static ILogger<T>? Logger<T>(StoreSettings settings) =>
        settings.Logs is null ? null : LoggerFactory.Create(b => b.AddProvider(settings.Logs).SetMinimumLevel(LogLevel.Trace)).CreateLogger<T>();
}
