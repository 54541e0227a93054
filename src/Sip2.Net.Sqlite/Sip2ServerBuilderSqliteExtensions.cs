using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
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
        builder.Services.Replace(ServiceDescriptor.Singleton<ISip2RegistryStore>(services => new SqliteSip2RegistryStore(
            connectionStringOrPath,
            storeOptions,
            services.GetRequiredService<Sip2RegistryOptions>(),
            services.GetRequiredService<Sip2VendorProfileCatalog>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetService<ILogger<SqliteSip2RegistryStore>>())));
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
#if NET8_0_OR_GREATER
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The bound type's members are kept by DynamicDependency.")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The bound type has only string and TimeSpan properties.")]
    [System.Diagnostics.CodeAnalysis.DynamicDependency(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.All, typeof(SqliteStoreSettings))]
#endif
    public static Sip2ServerBuilder AddSqliteRegistryStore(this Sip2ServerBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var path = (configuration as IConfigurationSection)?.Path ?? "";
        builder.Services.AddOptions<SqliteStoreSettings>().Bind(configuration)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SqliteStoreSettings>>(new SqliteStoreSettings.Validator(path));
        builder.Services.Replace(ServiceDescriptor.Singleton<ISip2RegistryStore>(services =>
        {
            var settings = services.GetRequiredService<IOptions<SqliteStoreSettings>>().Value;
            return new SqliteSip2RegistryStore(
                settings.ConnectionString!,
                settings.ToOptions(),
                services.GetRequiredService<Sip2RegistryOptions>(),
                services.GetRequiredService<Sip2VendorProfileCatalog>(),
                services.GetRequiredService<TimeProvider>(),
                services.GetService<ILogger<SqliteSip2RegistryStore>>());
        }));
        return builder;
    }
}
