using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sip2.Net.Access;
using Sip2.Net.DependencyInjection;
using Sip2.Net.Resolution;
using Sip2.Net.Server;

namespace Sip2.Net.IntegrationTests.DependencyInjection;

/// <summary>Every extension point of Sip2ServerBuilder takes a type, an instance or a factory, and the server uses what it got.</summary>
public sealed class SeamTests
{
    public enum Form
    {
        Type,
        Instance,
        Factory,
    }

    private static ServiceProvider Build(Action<Sip2ServerBuilder> add)
    {
        var services = new ServiceCollection();
        add(services.AddSip2Server());
        return services.BuildServiceProvider();
    }

    // A form per call: the resolved service is the one given (an instance, or built by the container or the factory).
    private static void AssertForm<TService, TImplementation>(Form form, Func<Sip2ServerBuilder, Sip2ServerBuilder> byType,
        Func<Sip2ServerBuilder, TService, Sip2ServerBuilder> byInstance, Func<Sip2ServerBuilder, Func<IServiceProvider, TService>, Sip2ServerBuilder> byFactory,
        Func<TImplementation> create)
        where TService : class
        where TImplementation : class, TService
    {
        var instance = create();
        IServiceProvider? seen = null;
        using var provider = Build(b => _ = form switch
        {
            Form.Type => byType(b),
            Form.Instance => byInstance(b, instance),
            _ => byFactory(b, sp =>
            {
                seen = sp;
                return instance;
            }),
        });

        var resolved = provider.GetRequiredService<TService>();
        Assert.IsType<TImplementation>(resolved);
        Assert.Same(resolved, provider.GetRequiredService<TService>());
        if (form != Form.Type)
        {
            Assert.Same(instance, resolved);
        }

        Assert.Equal(form == Form.Factory, seen is not null);
    }

    [Theory]
    [CombinatorialForms]
    public void The_back_end(Form form) => AssertForm<ISip2Backend, CountingBackend>(form,
        b => b.AddBackend<CountingBackend>(), (b, i) => b.AddBackend(i), (b, f) => b.AddBackend(f), () => new CountingBackend());

    [Theory]
    [CombinatorialForms]
    public void The_registry_store(Form form) => AssertForm<ISip2RegistryStore, InMemorySip2RegistryStore>(form,
        b => b.AddRegistryStore<InMemorySip2RegistryStore>(), (b, i) => b.AddRegistryStore(i), (b, f) => b.AddRegistryStore(f), () => new InMemorySip2RegistryStore());

    [Theory]
    [CombinatorialForms]
    public void The_client_registry(Form form) => AssertForm<ISip2ClientRegistry, InMemorySip2RegistryStore>(form,
        b => b.AddClientRegistry<InMemorySip2RegistryStore>(), (b, i) => b.AddClientRegistry(i), (b, f) => b.AddClientRegistry(f), () => new InMemorySip2RegistryStore());

    [Theory]
    [CombinatorialForms]
    public void The_library_directory(Form form) => AssertForm<ISip2LibraryDirectory, InMemorySip2RegistryStore>(form,
        b => b.AddLibraryDirectory<InMemorySip2RegistryStore>(), (b, i) => b.AddLibraryDirectory(i), (b, f) => b.AddLibraryDirectory(f), () => new InMemorySip2RegistryStore());

    [Theory]
    [CombinatorialForms]
    public void The_message_catalog(Form form) => AssertForm<ISip2MessageCatalog, Sip2MessageCatalog>(form,
        b => b.AddMessageCatalog<Sip2MessageCatalog>(), (b, i) => b.AddMessageCatalog(i), (b, f) => b.AddMessageCatalog(f), () => new Sip2MessageCatalog());

    [Theory]
    [CombinatorialForms]
    public void The_access_policy(Form form) => AssertForm<ISip2AccessPolicy, OpenPolicy>(form,
        b => b.AddAccessPolicy<OpenPolicy>(), (b, i) => b.AddAccessPolicy(i), (b, f) => b.AddAccessPolicy(f), () => new OpenPolicy());

    [Theory]
    [CombinatorialForms]
    public void The_resolution_strategy(Form form) => AssertForm<IResolutionStrategy, WholeGroupStrategy>(form,
        b => b.AddResolutionStrategy<WholeGroupStrategy>(), (b, i) => b.AddResolutionStrategy(i), (b, f) => b.AddResolutionStrategy(f), () => new WholeGroupStrategy());

    [Fact]
    public void The_connection_handler_is_built_over_the_given_seams()
    {
        var policy = new OpenPolicy();
        using var provider = Build(b => b.AddBackend(_ => new CountingBackend()).AddAccessPolicy(policy));

        var handler = provider.GetRequiredService<Sip2ConnectionHandler>();
        Assert.Same(policy, handler.AccessPolicy);
    }

    [Fact]
    public void Null_is_refused_at_registration()
    {
        var builder = new ServiceCollection().AddSip2Server();
        Assert.Throws<ArgumentNullException>(() => builder.AddBackend((ISip2Backend)null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddClientRegistry((Func<IServiceProvider, ISip2ClientRegistry>)null!));
        Assert.Throws<ArgumentNullException>(() => builder.OnStarting(null!));
    }

    private sealed class CombinatorialFormsAttribute : Xunit.Sdk.DataAttribute
    {
        public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod) =>
            Enum.GetValues<Form>().Select(f => new object[] { f });
    }
}

/// <summary>An access policy of the test's own, only resolved.</summary>
internal sealed class OpenPolicy : ISip2AccessPolicy
{
    public ValueTask<Sip2Admission> AdmitAsync(System.Net.IPAddress remoteAddress, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Only resolved, never run, in these tests.");

    public ValueTask<Sip2LoginResult> LoginAsync(Sip2AccessSession session, string? loginId, string? password, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Only resolved, never run, in these tests.");
}

/// <summary>A resolution strategy of the test's own, only resolved.</summary>
internal sealed class WholeGroupStrategy : IResolutionStrategy
{
    public Sip2ResolutionDecision ResolvePatron(Sip2ResolutionScope scope, string? patronInstitutionId) => throw new NotSupportedException("Only resolved, never run, in these tests.");

    public Sip2ResolutionDecision ResolveItem(Sip2ResolutionScope scope, string? owningInstitutionId) => throw new NotSupportedException("Only resolved, never run, in these tests.");

    public Sip2ResolutionDecision ResolveInterlibraryLoanItem(Sip2ResolutionScope scope, string? holdingInstitutionId) => throw new NotSupportedException("Only resolved, never run, in these tests.");
}
