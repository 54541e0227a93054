using System;
using Microsoft.Extensions.Configuration;
using Sip2.Net.Storage.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Sip2.Net.Access;
using Sip2.Net.DependencyInjection;
using Sip2.Net.Sqlite;
using Sip2.Net.Sqlite.Internal;
using Sip2.Net.Vendors;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Keeps a SIP2 server's registry in a SQLite file.</summary>
public static class Sip2ServerBuilderSqliteExtensions
{
    /// <summary>
    /// Replaces the default in-memory registry store with a <see cref="SqliteSip2RegistryStore"/> over one file. The
    /// hosted service initialises it before the listener opens (creating the file and its schema on the first start),
    /// and <see cref="ISip2RegistryStore.InitializeAsync"/> says true only then, so a host seeds it once. The store takes
    /// the registered <see cref="Sip2RegistryOptions"/>, <see cref="Sip2VendorProfileCatalog"/>, <see cref="TimeProvider"/>
    /// and logger.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddSip2Server</c>.</param>
    /// <param name="connectionStringOrPath">The file's path, or a Microsoft.Data.Sqlite connection string (a value with <c>=</c>).</param>
    /// <param name="configure">Adjusts the store's options, e.g. <c>o =&gt; o with { BusyTimeout = TimeSpan.FromSeconds(10) }</c>.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static Sip2ServerBuilder AddSqliteRegistryStore(
        this Sip2ServerBuilder builder, string connectionStringOrPath, Func<SqliteSip2RegistryStoreOptions, SqliteSip2RegistryStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionStringOrPath);
        var storeOptions = configure?.Invoke(new SqliteSip2RegistryStoreOptions()) ?? new SqliteSip2RegistryStoreOptions();
        builder.Services.Replace(ServiceDescriptor.Singleton<ISip2RegistryStore>(services => Create(services, connectionStringOrPath, storeOptions)));
        return builder;
    }

    /// <summary>
    /// The same store with its connection string and options bound from a configuration section (keys ConnectionString, BusyTimeout),
    /// e.g. <c>builder.AddSqliteRegistryStore(configuration.GetSection("Sip2:Registry"))</c>. The section is validated when the host
    /// starts, and a missing or bad value stops the start with a message naming its key.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddSip2Server</c>.</param>
    /// <param name="configuration">The section; its path names the keys in validation messages.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static Sip2ServerBuilder AddSqliteRegistryStore(this Sip2ServerBuilder builder, IConfiguration configuration) =>
        BoundStore.Add<SqliteStoreSettings>(builder, configuration, static (services, settings) => Create(services, settings.ConnectionString!, settings.ToOptions()));

    // The store, with the server's registry options, vendor profiles, clock and logger.
    private static SqliteSip2RegistryStore Create(IServiceProvider services, string connectionString, SqliteSip2RegistryStoreOptions storeOptions) =>
        new(connectionString,
            storeOptions,
            services.GetRequiredService<Sip2RegistryOptions>(),
            services.GetRequiredService<Sip2VendorProfileCatalog>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetService<ILogger<SqliteSip2RegistryStore>>());
}
