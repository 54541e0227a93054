using System;
#if NET8_0_OR_GREATER
using System.Diagnostics.CodeAnalysis;
#endif
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sip2.Net.Access;
using Sip2.Net.Resolution;
using Sip2.Net.Server;
using Sip2.Net.Vendors;

namespace Sip2.Net.DependencyInjection;

// The trimming annotations exist only on net8.0+; netstandard2.0 consumers are not trimmed.

/// <summary>Chains the SIP2 server's extension points after <c>AddSip2Server</c>. Each call replaces the default.</summary>
public sealed class Sip2ServerBuilder
{
    internal Sip2ServerBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The library system (required).</summary>
    public Sip2ServerBuilder AddBackend<
#if NET8_0_OR_GREATER
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
#endif
        TBackend>()
        where TBackend : class, ISip2Backend => Replace<ISip2Backend, TBackend>();

    /// <summary>The library system, as an instance.</summary>
    public Sip2ServerBuilder AddBackend(ISip2Backend backend) => Replace(backend);

    /// <summary>Your own admission and login rules (default: the registry-backed policy).</summary>
    public Sip2ServerBuilder AddAccessPolicy<
#if NET8_0_OR_GREATER
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
#endif
        TPolicy>()
        where TPolicy : class, ISip2AccessPolicy => Replace<ISip2AccessPolicy, TPolicy>();

    /// <summary>
    /// Your own store of everything an administrator edits (default: <see cref="InMemorySip2RegistryStore"/>); it also
    /// serves as the registry, the library directory and the message catalogue unless those are replaced on their own.
    /// </summary>
    public Sip2ServerBuilder AddRegistryStore<
#if NET8_0_OR_GREATER
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
#endif
        TStore>()
        where TStore : class, ISip2RegistryStore => Replace<ISip2RegistryStore, TStore>();

    /// <summary>Your own store, as an instance.</summary>
    public Sip2ServerBuilder AddRegistryStore(ISip2RegistryStore store) => Replace(store);

    /// <summary>Your own store of client registrations (default: the registry store).</summary>
    public Sip2ServerBuilder AddClientRegistry<
#if NET8_0_OR_GREATER
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
#endif
        TRegistry>()
        where TRegistry : class, ISip2ClientRegistry => Replace<ISip2ClientRegistry, TRegistry>();

    /// <summary>Your own institutions, groups and branch configurations (default: in memory).</summary>
    public Sip2ServerBuilder AddLibraryDirectory<
#if NET8_0_OR_GREATER
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
#endif
        TDirectory>()
        where TDirectory : class, ISip2LibraryDirectory => Replace<ISip2LibraryDirectory, TDirectory>();

    /// <summary>Your own scoping rules (default: by each registration's resolution level).</summary>
    public Sip2ServerBuilder AddResolutionStrategy<
#if NET8_0_OR_GREATER
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
#endif
        TStrategy>()
        where TStrategy : class, IResolutionStrategy => Replace<IResolutionStrategy, TStrategy>();

    /// <summary>Screen message texts, with institutions' overrides.</summary>
    public Sip2ServerBuilder AddMessageCatalog(ISip2MessageCatalog catalog) => Replace(catalog);

    /// <summary>Registry rules such as whether loopback and private addresses may be registered.</summary>
    public Sip2ServerBuilder ConfigureRegistry(Sip2RegistryOptions options) => Replace(options);

    /// <summary>Failed-login limits and throttling.</summary>
    public Sip2ServerBuilder ConfigureAccessPolicy(Sip2AccessPolicyOptions options) => Replace(options);

    /// <summary>
    /// Removes the hosted service that runs the standalone <see cref="Sip2Server"/>, for hosts that feed
    /// connections to <see cref="Sip2ConnectionHandler"/> themselves (Kestrel, tests). The endpoints in
    /// <see cref="Sip2ServerOptions.Endpoints"/> are then not bound. Calling it again changes nothing.
    /// </summary>
    public Sip2ServerBuilder WithoutStandaloneListener()
    {
        for (var i = Services.Count - 1; i >= 0; i--)
        {
            var descriptor = Services[i];
            if (descriptor.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService)
                && !descriptor.IsKeyedService
                && descriptor.ImplementationType == typeof(Sip2ServerHostedService))
            {
                Services.RemoveAt(i);
            }
        }

        return this;
    }

    /// <summary>Adds (or replaces, by name) a vendor profile.</summary>
    public Sip2ServerBuilder AddVendorProfile(Sip2VendorProfile profile)
    {
        if (profile is null)
        {
            throw new ArgumentNullException(nameof(profile));
        }

        Services.AddSingleton(new VendorProfileRegistration(profile));
        Services.Replace(ServiceDescriptor.Singleton(sp =>
        {
            var catalog = new Sip2VendorProfileCatalog();
            foreach (var registration in sp.GetServices<VendorProfileRegistration>())
            {
                catalog.Register(registration.Profile);
            }

            return catalog;
        }));
        return this;
    }

    private Sip2ServerBuilder Replace<TService, 
#if NET8_0_OR_GREATER
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
#endif
        TImplementation>()
        where TService : class
        where TImplementation : class, TService
    {
        Services.Replace(ServiceDescriptor.Singleton<TService, TImplementation>());
        return this;
    }

    private Sip2ServerBuilder Replace<TService>(TService instance)
        where TService : class
    {
        Services.Replace(ServiceDescriptor.Singleton(instance ?? throw new ArgumentNullException(nameof(instance))));
        return this;
    }

    internal sealed record VendorProfileRegistration(Sip2VendorProfile Profile);
}
