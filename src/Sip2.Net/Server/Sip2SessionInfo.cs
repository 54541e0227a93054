using System;
using System.Net;

namespace Sip2.Net.Server;

/// <summary>A live connection as <see cref="Sip2ConnectionHandler.GetSessions"/> reports it, for operators and the admin screens.</summary>
public sealed record Sip2SessionInfo
{
    /// <summary>The connection's id, as in the server's logs; <see cref="Sip2ConnectionHandler.EndSession"/> takes it.</summary>
    public required string ConnectionId { get; init; }

    /// <summary>The client's address (after a trusted proxy, the one the proxy reported).</summary>
    public required IPAddress RemoteAddress { get; init; }

    /// <summary>When the connection was admitted.</summary>
    public required DateTimeOffset ConnectedAt { get; init; }

    /// <summary>When the last message arrived; null before the first.</summary>
    public DateTimeOffset? LastMessageAt { get; init; }

    /// <summary>How many messages the connection sent.</summary>
    public long MessageCount { get; init; }

    /// <summary>The registration the session is bound to; null while it waits for a login.</summary>
    public Guid? RegistrationId { get; init; }

    /// <summary>The bound registration's login id, if it has one.</summary>
    public string? LoginId { get; init; }

    /// <summary>The bound registration's institution.</summary>
    public string? InstitutionId { get; init; }

    /// <summary>The bound registration's branch.</summary>
    public string? BranchId { get; init; }
}
