using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;

namespace Sip2.Net.Server.Internal;

/// <summary>
/// The caps a connection is counted against from admission (before any TLS) to its end: in all (the lower of
/// MaxConnections and what the process's file descriptors allow), per address (a full address gives the slot of its
/// oldest connection that has not logged in to the newcomer), per registration once logged in, and TLS handshakes in
/// progress. One lock: admissions and logins are rare next to messages.
/// </summary>
internal sealed class ConnectionLimits(Sip2ServerOptions options, int? descriptorBudget)
{
    private readonly object gate = new();
    private readonly Dictionary<IPAddress, List<Sip2Connection>> byAddress = new();
    private readonly Dictionary<Guid, int> byRegistration = new();
    private readonly int maxTotal = Math.Min(options.MaxConnections, descriptorBudget ?? int.MaxValue);
    private int total;
    private int handshakes;

    public int MaxTotal => maxTotal;

    /// <summary>Counts a new connection, or says why it is refused; <paramref name="evicted"/> is a connection to close for it.</summary>
    public bool TryReserve(Sip2Connection connection, out string refusal, out Sip2Connection? evicted)
    {
        evicted = null;
        refusal = "";
        lock (gate)
        {
            if (total >= maxTotal)
            {
                refusal = maxTotal < options.MaxConnections ? "too many connections for the process's file descriptors" : "too many connections";
                return false;
            }

            if (!byAddress.TryGetValue(connection.Address, out var here))
            {
                byAddress[connection.Address] = here = new List<Sip2Connection>();
            }

            if (here.Count >= options.MaxConnectionsPerAddress)
            {
                evicted = here.FirstOrDefault(c => c.Session.Binding is null && c.IsCounted);
                if (evicted is null)
                {
                    refusal = "too many connections from this address";
                    return false;
                }

                Remove(evicted, here);
            }

            here.Add(connection);
            connection.IsCounted = true;
            total++;
            return true;
        }
    }

    /// <summary>Counts a logged-in connection against its registration; false when the registration is full.</summary>
    public bool TryBind(Sip2Connection connection, Guid registration)
    {
        lock (gate)
        {
            if (connection.CountedRegistration == registration)
            {
                return true;
            }

            byRegistration.TryGetValue(registration, out var count);
            if (count >= options.MaxConnectionsPerRegistration)
            {
                return false;
            }

            Unbind(connection);
            byRegistration[registration] = count + 1;
            connection.CountedRegistration = registration;
            return true;
        }
    }

    public void Release(Sip2Connection connection)
    {
        lock (gate)
        {
            Unbind(connection);
            if (connection.IsCounted && byAddress.TryGetValue(connection.Address, out var here))
            {
                Remove(connection, here);
            }
        }
    }

    public bool TryStartHandshake()
    {
        lock (gate)
        {
            if (handshakes >= options.MaxTlsHandshakes)
            {
                return false;
            }

            handshakes++;
            return true;
        }
    }

    public void EndHandshake()
    {
        lock (gate)
        {
            handshakes--;
        }
    }

    // Under the lock.
    private void Remove(Sip2Connection connection, List<Sip2Connection> here)
    {
        here.Remove(connection);
        if (here.Count == 0)
        {
            byAddress.Remove(connection.Address);
        }

        connection.IsCounted = false;
        total--;
    }

    private void Unbind(Sip2Connection connection)
    {
        if (connection.CountedRegistration is { } registration)
        {
            var left = byRegistration[registration] - 1;
            if (left == 0)
            {
                byRegistration.Remove(registration);
            }
            else
            {
                byRegistration[registration] = left;
            }

            connection.CountedRegistration = null;
        }
    }
}
