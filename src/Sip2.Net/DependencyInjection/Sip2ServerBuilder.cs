using System;
using System.Threading;
using System.Threading.Tasks;
#if NET8_0_OR_GREATER
using System.Diagnostics.CodeAnalysis;
#endif
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sip2.Net.Access;
using Sip2.Net.DependencyInjection.Internal;
using Sip2.Net.Server;
using Sip2.Net.Vendors;

namespace Sip2.Net.DependencyInjection;

// The trimming annotations exist only on net8.0+; netstandard2.0 consumers are not trimmed.

/// <summary>Chains the SIP2 server's extension points after <c>AddSip2Server</c>. Each call replaces the default.</summary>
public sealed partial class Sip2ServerBuilder
{
    private int hooks;

    internal Sip2ServerBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Registry rules such as whether loopback and private addresses may be registered.</summary>
    public Sip2ServerBuilder ConfigureRegistry(Sip2RegistryOptions options) => Replace(options);

    /// <summary>Failed-login limits and throttling.</summary>
    public Sip2ServerBuilder ConfigureAccessPolicy(Sip2AccessPolicyOptions options) => Replace(options);

    /// <summary>
    /// Adds a task the host runs before the listener opens, after the registry store is initialised and after the
    /// tasks added before it (see <see cref="ISip2StartTask"/>). A task that throws stops the start.
    /// </summary>
    /// <typeparam name="TTask">Built by the container, with its constructor's services.</typeparam>
    public Sip2ServerBuilder AddStartTask<
#if NET8_0_OR_GREATER
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
#endif
        TTask>()
        where TTask : class, ISip2StartTask
    {
        Services.AddSingleton<ISip2StartTask, TTask>();
        return this;
    }

    /// <summary>Adds a start task, as an instance (see <see cref="AddStartTask{TTask}"/>).</summary>
    public Sip2ServerBuilder AddStartTask(ISip2StartTask task)
    {
        Services.AddSingleton(task ?? throw new ArgumentNullException(nameof(task)));
        return this;
    }

    /// <summary>
    /// Adds a start hook: <paramref name="hook"/> runs before the listener opens, after the registry store is
    /// initialised and after the start tasks added before it, e.g. <c>OnStarting((sp, ct) =&gt; cache.LoadAsync(ct))</c>.
    /// An exception stops the start, naming the hook by its place (<c>OnStarting hook #1</c>).
    /// </summary>
    public Sip2ServerBuilder OnStarting(Func<IServiceProvider, CancellationToken, Task> hook)
    {
        if (hook is null)
        {
            throw new ArgumentNullException(nameof(hook));
        }

        var number = Interlocked.Increment(ref hooks);
        Services.AddSingleton<ISip2StartTask>(sp => new DelegateStartTask(sp, hook, number));
        return this;
    }

    /// <summary>
    /// Removes the hosted service that runs the standalone <see cref="Sip2Server"/>, for hosts that feed
    /// connections to <see cref="Sip2ConnectionHandler"/> themselves (Kestrel, tests). The endpoints in
    /// <see cref="Sip2ServerOptions.Endpoints"/> are then not bound, and such a host runs the start tasks itself
    /// (Kestrel hosting does). Calling it again changes nothing.
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

    private Sip2ServerBuilder Replace<TService>(Func<IServiceProvider, TService> factory)
        where TService : class
    {
        Services.Replace(ServiceDescriptor.Singleton(factory ?? throw new ArgumentNullException(nameof(factory))));
        return this;
    }

    internal sealed record VendorProfileRegistration(Sip2VendorProfile Profile);
}
