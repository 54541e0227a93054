using System;
using Microsoft.Extensions.Configuration;
using Sip2.Net.Storage.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Sip2.Net.Access;
using Sip2.Net.DependencyInjection;
using Sip2.Net.PostgreSql;
using Sip2.Net.PostgreSql.Internal;
using Sip2.Net.Vendors;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Keeps a SIP2 server's registry in PostgreSQL, shared with other server instances.</summary>
public static class Sip2ServerBuilderPostgreSqlExtensions
{
    /// <summary>
    /// Replaces the default in-memory registry store with a <see cref="PostgreSqlSip2RegistryStore"/>. The hosted service
    /// initialises it before the listener opens: the schema is created or migrated (safe when several instances start
    /// at once), the snapshot loaded and the change listener started; <see cref="ISip2RegistryStore.InitializeAsync"/>
    /// says true only on the start that created the schema, so a host seeds it once. The store takes the registered
    /// <see cref="Sip2RegistryOptions"/>, <see cref="Sip2VendorProfileCatalog"/>, <see cref="TimeProvider"/> and logger.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddSip2Server</c>.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="configure">Adjusts the store's options, e.g. <c>o =&gt; o with { Schema = "sip2" }</c>.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static Sip2ServerBuilder AddPostgreSqlRegistryStore(
        this Sip2ServerBuilder builder, string connectionString, Func<PostgreSqlSip2RegistryStoreOptions, PostgreSqlSip2RegistryStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var storeOptions = configure?.Invoke(new PostgreSqlSip2RegistryStoreOptions()) ?? new PostgreSqlSip2RegistryStoreOptions();
        builder.Services.Replace(ServiceDescriptor.Singleton<ISip2RegistryStore>(services => Create(services, connectionString, storeOptions)));
        return builder;
    }

    /// <summary>
    /// The same store with its connection string and options bound from a configuration section (keys ConnectionString, Schema, KeepAliveInterval, ReconnectDelay, MaxReconnectDelay),
    /// e.g. <c>builder.AddPostgreSqlRegistryStore(configuration.GetSection("Sip2:Registry"))</c>. The section is validated when the host
    /// starts, and a missing or bad value stops the start with a message naming its key.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddSip2Server</c>.</param>
    /// <param name="configuration">The section; its path names the keys in validation messages.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static Sip2ServerBuilder AddPostgreSqlRegistryStore(this Sip2ServerBuilder builder, IConfiguration configuration) =>
        BoundStore.Add<PostgreSqlStoreSettings>(builder, configuration, static (services, settings) => Create(services, settings.ConnectionString!, settings.ToOptions()));

    // The store, with the server's registry options, vendor profiles, clock and logger.
    private static PostgreSqlSip2RegistryStore Create(IServiceProvider services, string connectionString, PostgreSqlSip2RegistryStoreOptions storeOptions) =>
        new(connectionString,
            storeOptions,
            services.GetRequiredService<Sip2RegistryOptions>(),
            services.GetRequiredService<Sip2VendorProfileCatalog>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetService<ILogger<PostgreSqlSip2RegistryStore>>());
}
