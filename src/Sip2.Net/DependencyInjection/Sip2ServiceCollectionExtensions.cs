using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sip2.Net.Access;
using Sip2.Net.DependencyInjection;
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
    /// <param name="configure">Adjusts the options, e.g. <c>o =&gt; o with { MaxConnections = 500 }</c>; they are validated at start.</param>
    public static Sip2ServerBuilder AddSip2Server(this IServiceCollection services, Func<Sip2ServerOptions, Sip2ServerOptions>? configure = null)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        var options = configure?.Invoke(new Sip2ServerOptions()) ?? new Sip2ServerOptions();
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new Sip2RegistryOptions());
        services.TryAddSingleton(new Sip2AccessPolicyOptions());
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
        services.AddHostedService<Sip2ServerHostedService>();
        return new Sip2ServerBuilder(services);
    }
}
