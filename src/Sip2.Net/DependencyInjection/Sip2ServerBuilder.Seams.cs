using System;
#if NET8_0_OR_GREATER
using System.Diagnostics.CodeAnalysis;
#endif
using Sip2.Net.Access;
using Sip2.Net.Resolution;
using Sip2.Net.Server;

namespace Sip2.Net.DependencyInjection;

// Every extension point in three forms: a type the container builds, an instance, or a factory over the container.
// Each call replaces what was registered before, the default included. All are singletons.
public sealed partial class Sip2ServerBuilder
{
    /// <summary>The library system (required).</summary>
    /// <typeparam name="TBackend">Built by the container, with its constructor's services.</typeparam>
    public Sip2ServerBuilder AddBackend<
#if NET8_0_OR_GREATER
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
#endif
        TBackend>()
        where TBackend : class, ISip2Backend => Replace<ISip2Backend, TBackend>();

    /// <summary>The library system (required).</summary>
    /// <param name="backend">The instance, shared by every connection.</param>
    public Sip2ServerBuilder AddBackend(ISip2Backend backend) => Replace(backend);

    /// <summary>The library system (required).</summary>
    /// <param name="factory">Builds it once, from the container, when the server is built.</param>
    public Sip2ServerBuilder AddBackend(Func<IServiceProvider, ISip2Backend> factory) => Replace(factory);

    /// <summary>Your own admission and login rules (default: the registry-backed policy).</summary>
    /// <typeparam name="TPolicy">Built by the container, with its constructor's services.</typeparam>
    public Sip2ServerBuilder AddAccessPolicy<
#if NET8_0_OR_GREATER
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
#endif
        TPolicy>()
        where TPolicy : class, ISip2AccessPolicy => Replace<ISip2AccessPolicy, TPolicy>();

    /// <summary>Your own admission and login rules (default: the registry-backed policy).</summary>
    /// <param name="policy">The instance, shared by every connection.</param>
    public Sip2ServerBuilder AddAccessPolicy(ISip2AccessPolicy policy) => Replace(policy);

    /// <summary>Your own admission and login rules (default: the registry-backed policy).</summary>
    /// <param name="factory">Builds it once, from the container, when the server is built.</param>
    public Sip2ServerBuilder AddAccessPolicy(Func<IServiceProvider, ISip2AccessPolicy> factory) => Replace(factory);

    /// <summary>Your own store of everything an administrator edits (default: <see cref="InMemorySip2RegistryStore"/>); it also serves as the registry, the library directory and the message catalogue unless those are replaced on their own. It is initialised before the listener opens.</summary>
    /// <typeparam name="TStore">Built by the container, with its constructor's services.</typeparam>
    public Sip2ServerBuilder AddRegistryStore<
#if NET8_0_OR_GREATER
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
#endif
        TStore>()
        where TStore : class, ISip2RegistryStore => Replace<ISip2RegistryStore, TStore>();

    /// <summary>Your own store of everything an administrator edits (default: <see cref="InMemorySip2RegistryStore"/>); it also serves as the registry, the library directory and the message catalogue unless those are replaced on their own. It is initialised before the listener opens.</summary>
    /// <param name="store">The instance, shared by every connection.</param>
    public Sip2ServerBuilder AddRegistryStore(ISip2RegistryStore store) => Replace(store);

    /// <summary>Your own store of everything an administrator edits (default: <see cref="InMemorySip2RegistryStore"/>); it also serves as the registry, the library directory and the message catalogue unless those are replaced on their own. It is initialised before the listener opens.</summary>
    /// <param name="factory">Builds it once, from the container, when the server is built.</param>
    public Sip2ServerBuilder AddRegistryStore(Func<IServiceProvider, ISip2RegistryStore> factory) => Replace(factory);

    /// <summary>Your own store of client registrations (default: the registry store).</summary>
    /// <typeparam name="TRegistry">Built by the container, with its constructor's services.</typeparam>
    public Sip2ServerBuilder AddClientRegistry<
#if NET8_0_OR_GREATER
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
#endif
        TRegistry>()
        where TRegistry : class, ISip2ClientRegistry => Replace<ISip2ClientRegistry, TRegistry>();

    /// <summary>Your own store of client registrations (default: the registry store).</summary>
    /// <param name="registry">The instance, shared by every connection.</param>
    public Sip2ServerBuilder AddClientRegistry(ISip2ClientRegistry registry) => Replace(registry);

    /// <summary>Your own store of client registrations (default: the registry store).</summary>
    /// <param name="factory">Builds it once, from the container, when the server is built.</param>
    public Sip2ServerBuilder AddClientRegistry(Func<IServiceProvider, ISip2ClientRegistry> factory) => Replace(factory);

    /// <summary>Your own institutions, groups and branch configurations (default: the registry store).</summary>
    /// <typeparam name="TDirectory">Built by the container, with its constructor's services.</typeparam>
    public Sip2ServerBuilder AddLibraryDirectory<
#if NET8_0_OR_GREATER
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
#endif
        TDirectory>()
        where TDirectory : class, ISip2LibraryDirectory => Replace<ISip2LibraryDirectory, TDirectory>();

    /// <summary>Your own institutions, groups and branch configurations (default: the registry store).</summary>
    /// <param name="directory">The instance, shared by every connection.</param>
    public Sip2ServerBuilder AddLibraryDirectory(ISip2LibraryDirectory directory) => Replace(directory);

    /// <summary>Your own institutions, groups and branch configurations (default: the registry store).</summary>
    /// <param name="factory">Builds it once, from the container, when the server is built.</param>
    public Sip2ServerBuilder AddLibraryDirectory(Func<IServiceProvider, ISip2LibraryDirectory> factory) => Replace(factory);

    /// <summary>Your own scoping rules (default: by each registration's resolution level).</summary>
    /// <typeparam name="TStrategy">Built by the container, with its constructor's services.</typeparam>
    public Sip2ServerBuilder AddResolutionStrategy<
#if NET8_0_OR_GREATER
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
#endif
        TStrategy>()
        where TStrategy : class, IResolutionStrategy => Replace<IResolutionStrategy, TStrategy>();

    /// <summary>Your own scoping rules (default: by each registration's resolution level).</summary>
    /// <param name="strategy">The instance, shared by every connection.</param>
    public Sip2ServerBuilder AddResolutionStrategy(IResolutionStrategy strategy) => Replace(strategy);

    /// <summary>Your own scoping rules (default: by each registration's resolution level).</summary>
    /// <param name="factory">Builds it once, from the container, when the server is built.</param>
    public Sip2ServerBuilder AddResolutionStrategy(Func<IServiceProvider, IResolutionStrategy> factory) => Replace(factory);

    /// <summary>Screen message texts, with institutions' overrides (default: the registry store).</summary>
    /// <typeparam name="TCatalog">Built by the container, with its constructor's services.</typeparam>
    public Sip2ServerBuilder AddMessageCatalog<
#if NET8_0_OR_GREATER
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
#endif
        TCatalog>()
        where TCatalog : class, ISip2MessageCatalog => Replace<ISip2MessageCatalog, TCatalog>();

    /// <summary>Screen message texts, with institutions' overrides (default: the registry store).</summary>
    /// <param name="catalog">The instance, shared by every connection.</param>
    public Sip2ServerBuilder AddMessageCatalog(ISip2MessageCatalog catalog) => Replace(catalog);

    /// <summary>Screen message texts, with institutions' overrides (default: the registry store).</summary>
    /// <param name="factory">Builds it once, from the container, when the server is built.</param>
    public Sip2ServerBuilder AddMessageCatalog(Func<IServiceProvider, ISip2MessageCatalog> factory) => Replace(factory);
}
