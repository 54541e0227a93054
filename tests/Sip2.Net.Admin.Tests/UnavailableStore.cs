using System.Reflection;
using Sip2.Net.Access;

namespace Sip2.Net.Admin.Tests;

/// <summary>A store whose database is down: reads answer from the inner store, every write throws Sip2RegistryStoreUnavailableException.</summary>
public class UnavailableStore : DispatchProxy
{
    private static readonly string[] Writes = ["Create", "Update", "Delete", "Activate", "Deactivate", "Change", "Set", "Save"];

    private ISip2RegistryStore inner = null!;

    public bool Down { get; set; } = true;

    internal static ISip2RegistryStore Wrap(ISip2RegistryStore inner, out UnavailableStore control)
    {
        var proxy = Create<ISip2RegistryStore, UnavailableStore>();
        control = (UnavailableStore)(object)proxy;
        control.inner = inner;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (Down && Writes.Any(w => targetMethod!.Name.StartsWith(w, StringComparison.Ordinal)))
        {
            throw new Sip2RegistryStoreUnavailableException();
        }

        try
        {
            return targetMethod!.Invoke(inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
