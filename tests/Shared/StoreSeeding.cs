using System;
using System.Threading.Tasks;
using Sip2.Net.Access;

namespace Sip2.Net.TestSupport;

/// <summary>Test set-up over a registry store: a write that must succeed, or the set-up is wrong.</summary>
internal static class StoreSeeding
{
    /// <summary>Waits for a store write and throws when the store refused it (the in-memory store completes at once).</summary>
    public static void Must(ValueTask<Sip2RegistryError?> write)
    {
        var error = write.AsTask().GetAwaiter().GetResult();
        if (error is not null)
        {
            throw new InvalidOperationException("The test's set-up was refused: " + error);
        }
    }
}
