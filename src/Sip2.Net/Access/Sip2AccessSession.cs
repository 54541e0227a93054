using System;
using System.Net;
using System.Threading;
using Sip2.Net.Access.Internal;

namespace Sip2.Net.Access;

/// <summary>
/// The access state of one connection, created by <see cref="ISip2AccessPolicy.AdmitAsync"/> and held by the
/// server for the connection's life: the current binding (none while waiting for a login) and the number of
/// failed logins. Only the access policy changes it, through <see cref="Bind"/> and <see cref="RecordFailedLogin"/>;
/// those are public so integrators can write their own policy. Safe to read from any thread.
/// </summary>
public sealed class Sip2AccessSession
{
    private Sip2SessionBinding? binding;
    private int failedLogins;

    /// <summary>Creates the state of a new connection from <paramref name="remoteAddress"/>.</summary>
    /// <param name="remoteAddress">The client's address (after a trusted proxy, the one the proxy reports); stored normalised.</param>
    /// <exception cref="ArgumentNullException"><paramref name="remoteAddress"/> is null.</exception>
    public Sip2AccessSession(IPAddress remoteAddress)
    {
        RemoteAddress = Sip2IPAddresses.Normalize(remoteAddress);
    }

    /// <summary>The client's address, normalised (see <see cref="Sip2IPAddresses.Normalize"/>).</summary>
    public IPAddress RemoteAddress { get; }

    /// <summary>The current binding, or null while the session waits for a login.</summary>
    public Sip2SessionBinding? Binding => Volatile.Read(ref binding);

    /// <summary>Whether the session is bound to a registration and may send requests.</summary>
    public bool IsBound => Binding is not null;

    /// <summary>How many logins failed on this connection.</summary>
    public int FailedLogins => Volatile.Read(ref failedLogins);

    /// <summary>Whether the session is bound to the registration with that id: the server ends such sessions when it is deactivated or deleted.</summary>
    public bool IsBoundTo(Guid registrationId) => Binding?.Registration.Id == registrationId;

    /// <summary>Binds (or rebinds) the session. For access policies.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="newBinding"/> is null.</exception>
    public void Bind(Sip2SessionBinding newBinding) =>
        Volatile.Write(ref binding, newBinding ?? throw new ArgumentNullException(nameof(newBinding)));

    /// <summary>Counts a failed login and returns the new count. For access policies.</summary>
    public int RecordFailedLogin() => Interlocked.Increment(ref failedLogins);

    /// <inheritdoc/>
    public override string ToString() =>
        Binding is { } b ? $"{RemoteAddress} bound to {b.Registration.Id}" : $"{RemoteAddress} awaiting login";
}
