using Microsoft.Extensions.Logging;
using Sip2.Net.Access;

namespace Sip2.Net.Storage.Tests.Harness;

/// <summary>How a store is opened: the registry's options, where it logs, its clock.</summary>
public sealed record StoreSettings
{
    public Sip2RegistryOptions? RegistryOptions { get; init; }

    public ILoggerProvider? Logs { get; init; }

    public TimeProvider? Time { get; init; }
}
