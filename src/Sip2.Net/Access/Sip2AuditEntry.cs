using System;

namespace Sip2.Net.Access;

/// <summary>One accepted change to an <see cref="ISip2RegistryStore"/>: what, when, to what, and by whom as the caller named it.</summary>
public sealed record Sip2AuditEntry
{
    /// <summary>The entry's position in the trail: increasing, unique within a store.</summary>
    public required long Sequence { get; init; }

    /// <summary>When the change was stored.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Who made the change, as the caller named it (an administrator's name, <c>api-key</c>, <c>configuration</c>); <c>unknown</c> when not named.</summary>
    public required string Actor { get; init; }

    /// <summary>What kind of change.</summary>
    public required Sip2AuditAction Action { get; init; }

    /// <summary>
    /// What changed: a registration's id, an institution or group id, <c>INSTITUTION/BRANCH</c> for a branch
    /// configuration, <c>INSTITUTION/Scenario</c> for a custom message.
    /// </summary>
    public required string Subject { get; init; }

    /// <summary>A readable summary of the values stored (never a password or a password hash; a password shows as <c>password set</c>).</summary>
    public required string Details { get; init; }
}
