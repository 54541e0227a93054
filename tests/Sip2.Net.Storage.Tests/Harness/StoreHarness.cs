using Sip2.Net.Access;

namespace Sip2.Net.Storage.Tests.Harness;

/// <summary>
/// One kind of registry store under test. The contract checks see only this and <see cref="ISip2RegistryStore"/>, so
/// they can move to the shared contract suite (Sip2.Net.Testing.Xunit) as they are.
/// </summary>
public abstract class StoreHarness
{
    public abstract string Name { get; }

    /// <summary>Whether what a store holds survives opening a new store over the same database.</summary>
    public abstract bool IsDurable { get; }

    /// <summary>Whether two stores over one database are two instances (with their own snapshots), not one store twice.</summary>
    public virtual bool HasSeparateInstances => IsDurable;

    /// <summary>A new, empty database; the stores opened over it share it.</summary>
    public abstract Task<StoreDatabase> CreateDatabaseAsync();
}
