using System;
#if NET8_0_OR_GREATER
using System.Diagnostics.CodeAnalysis;
#endif
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sip2.Net.Access;
using Sip2.Net.Configuration;
using Sip2.Net.Configuration.Internal;
using Sip2.Net.DependencyInjection;
using Sip2.Net.DependencyInjection.Internal;
using Sip2.Net.Resolution;
using Sip2.Net.Server;
using Sip2.Net.Vendors;
using Sip2.Net.Resolution.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SIP2 server with a service collection.</summary>
public static class Sip2ServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SIP2 server and an <see cref="IHostedService"/> that runs it, with defaults for every
    /// extension point: the in-memory registry store (registrations, directory, custom messages, audit), the registry-backed access policy,
    /// resolution by registration level, the built-in message catalogue and vendor profiles. Replace any of
    /// them through the returned builder (or by registering your own before this call). A back end must be
    /// added with <see cref="Sip2ServerBuilder.AddBackend{TBackend}"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    public static Sip2ServerBuilder AddSip2Server(this IServiceCollection services) => AddSip2Server(services, static o => o);

    /// <inheritdoc cref="AddSip2Server(IServiceCollection)"/>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options, e.g. <c>o =&gt; o with { MaxConnections = 500 }</c>; they are validated at start. Null keeps the defaults.</param>
    public static Sip2ServerBuilder AddSip2Server(this IServiceCollection services, Func<Sip2ServerOptions, Sip2ServerOptions>? configure)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        var options = (configure ?? (static o => o))(new Sip2ServerOptions()) ?? throw new InvalidOperationException("The configure delegate of AddSip2Server returned null.");
        services.TryAddSingleton(options);
        services.TryAddSingleton(new Sip2RegistryOptions());
        services.TryAddSingleton(new Sip2AccessPolicyOptions());
        return AddCore(services);
    }

    /// <summary>
    /// Adds the SIP2 server as <see cref="AddSip2Server(IServiceCollection, Func{Sip2ServerOptions, Sip2ServerOptions}?)"/>
    /// does, with its options bound from <paramref name="configuration"/> (a section shaped as
    /// <see cref="Sip2ServerSettings"/>, e.g. <c>builder.Configuration.GetSection("Sip2:Server")</c>) through the options
    /// pattern, and validated when the host starts: a bad value fails the start with a message naming its key.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section to bind.</param>
    public static Sip2ServerBuilder AddSip2Server(this IServiceCollection services, IConfiguration configuration) =>
        AddSip2Server(services, configuration, static o => o);

    /// <inheritdoc cref="AddSip2Server(IServiceCollection, IConfiguration)"/>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section to bind.</param>
    /// <param name="configure">
    /// Adjusts the bound options, for what configuration cannot hold (a certificate object, say); runs when the server
    /// is built.
    /// </param>
    public static Sip2ServerBuilder AddSip2Server(this IServiceCollection services, IConfiguration configuration, Func<Sip2ServerOptions, Sip2ServerOptions> configure)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        return AddBound(services, configuration, (configuration as IConfigurationSection)?.Path ?? "", configure);
    }

    /// <summary>
    /// Adds the SIP2 server with its options bound from the section <paramref name="sectionPath"/> of the host's
    /// <see cref="IConfiguration"/>, e.g. <c>services.AddSip2Server(Sip2ServerSettings.DefaultSectionPath)</c> for
    /// <c>Sip2:Server</c>; see <see cref="AddSip2Server(IServiceCollection, IConfiguration)"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="sectionPath">The section's path, keys separated by <c>:</c>.</param>
    public static Sip2ServerBuilder AddSip2Server(this IServiceCollection services, string sectionPath) =>
        AddSip2Server(services, sectionPath, static o => o);

    /// <inheritdoc cref="AddSip2Server(IServiceCollection, string)"/>
    /// <param name="services">The service collection.</param>
    /// <param name="sectionPath">The section's path, keys separated by <c>:</c>.</param>
    /// <param name="configure">Adjusts the bound options; runs when the server is built.</param>
    public static Sip2ServerBuilder AddSip2Server(this IServiceCollection services, string sectionPath, Func<Sip2ServerOptions, Sip2ServerOptions> configure)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (string.IsNullOrWhiteSpace(sectionPath))
        {
            throw new ArgumentException("A configuration section path, e.g. Sip2:Server.", nameof(sectionPath));
        }

        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        return AddBound(services, null, sectionPath, configure);
    }

#if NET8_0_OR_GREATER
    // The binder reflects over the bound type: here only the library's own settings classes (kept below with
    // DynamicDependency), whose properties are strings, numbers, booleans, enums, times and lists of those that exist
    // already, so it never has to make an array or a generic type at run time.
    private const string BindJustification = "Binds only Sip2ServerSettings and its parts, whose members are kept by DynamicDependency.";
#endif

    // Binds the given section, or the host's configuration at the section path when none is given (BindConfiguration).
#if NET8_0_OR_GREATER
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = BindJustification)]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = BindJustification)]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Sip2ServerSettings))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Sip2EndpointSettings))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Sip2RegistrySettings))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Sip2AccessPolicySettings))]
#endif
    private static Sip2ServerBuilder AddBound(IServiceCollection services, IConfiguration? configuration, string section, Func<Sip2ServerOptions, Sip2ServerOptions> configure)
    {
        var settings = services.AddOptions<Sip2ServerSettings>();
        (configuration is null ? settings.BindConfiguration(section) : settings.Bind(configuration)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Sip2ServerSettings>>(new ServerSettingsValidator(section));
        services.TryAddSingleton(sp =>
        {
            var options = ServerSettingsMapper.ToOptions(sp.GetRequiredService<IOptions<Sip2ServerSettings>>().Value, section);
            return configure(options) ?? throw new InvalidOperationException("The configure delegate of AddSip2Server returned null.");
        });
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<Sip2ServerSettings>>().Value.Registry.ToOptions());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<Sip2ServerSettings>>().Value.AccessPolicy.ToOptions());
        return AddCore(services);
    }

    private static Sip2ServerBuilder AddCore(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Sip2VendorProfileCatalog>();
        services.TryAddSingleton<ISip2RegistryStore>(sp => new InMemorySip2RegistryStore(
            sp.GetRequiredService<Sip2RegistryOptions>(),
            sp.GetRequiredService<Sip2VendorProfileCatalog>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<InMemorySip2RegistryStore>>()));
        // The three read seams the server uses are the store by default; each can be replaced on its own.
        services.TryAddSingleton<ISip2ClientRegistry>(sp => sp.GetRequiredService<ISip2RegistryStore>());
        services.TryAddSingleton<ISip2LibraryDirectory>(sp => sp.GetRequiredService<ISip2RegistryStore>());
        services.TryAddSingleton<ISip2AccessPolicy>(sp => new Sip2RegistryAccessPolicy(
            sp.GetRequiredService<ISip2ClientRegistry>(),
            sp.GetRequiredService<ISip2LibraryDirectory>(),
            sp.GetRequiredService<Sip2VendorProfileCatalog>(),
            sp.GetRequiredService<Sip2AccessPolicyOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<Sip2RegistryAccessPolicy>>()));
        services.TryAddSingleton<IResolutionStrategy>(ResolutionLevelSelector.Default);
        services.TryAddSingleton<ISip2MessageCatalog>(sp => sp.GetRequiredService<ISip2RegistryStore>());
        services.TryAddSingleton(sp => new Sip2ConnectionHandler(
            sp.GetRequiredService<ISip2AccessPolicy>(),
            sp.GetService<ISip2Backend>() ?? throw new InvalidOperationException("No SIP2 back end is registered: call AddSip2Server().AddBackend<T>()."),
            sp.GetRequiredService<Sip2ServerOptions>(),
            sp.GetRequiredService<IResolutionStrategy>(),
            sp.GetRequiredService<ISip2MessageCatalog>(),
            sp.GetRequiredService<ISip2ClientRegistry>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>(),
            sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton(sp => new Sip2Server(sp.GetRequiredService<Sip2ConnectionHandler>(), sp.GetService<ILoggerFactory>()));
        services.TryAddSingleton<Sip2ServerState>();
        services.TryAddSingleton(sp => new Sip2StartTasks(
            sp.GetRequiredService<ISip2RegistryStore>(), sp.GetServices<ISip2StartTask>(), sp.GetRequiredService<Sip2ServerState>()));
        services.AddHostedService<Sip2ServerHostedService>();
        return new Sip2ServerBuilder(services);
    }
}
