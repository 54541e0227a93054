using Sip2.Net.Access;
using Sip2.Net.Testing.Xunit;

namespace Sip2.Net.Tests.Access;

/// <summary>The in-memory store keeps the registry store contract of Sip2.Net.Testing.Xunit.</summary>
public sealed class InMemoryStoreContractTests : Sip2RegistryStoreContract
{
    protected override Task<ISip2RegistryStore> CreateStoreAsync(Sip2RegistryOptions options) =>
        Task.FromResult<ISip2RegistryStore>(new InMemorySip2RegistryStore(options));
}
