using System;

namespace Sip2.Net.Access;

/// <summary>What <see cref="ISip2RegistryStore.GetStatus"/> reports: whether the store is reachable, and how fresh the snapshot admissions read is.</summary>
public sealed record Sip2RegistryStoreStatus
{
    /// <summary>Whether the store's backing database (if any) answers and change notifications arrive. Always true for an in-memory store.</summary>
    public required bool IsReachable { get; init; }

    /// <summary>When the snapshot was last brought up to date with the store (a full read or a change notification applied).</summary>
    public required DateTimeOffset SynchronizedAt { get; init; }

    /// <summary>Why the store is not reachable, for operators (never a connection string or a password); null when it is.</summary>
    public string? Problem { get; init; }
}
