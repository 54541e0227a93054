using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Sip2.Net.Access.Internal;

/// <summary>
/// What spares a repeat login the key derivation: after a password checked out against a registration's stored hash,
/// a keyed hash of it (HMAC-SHA256 under a random key made when the process starts and never written anywhere) is
/// kept for that registration and that stored hash. The next login compares its password's keyed hash in constant time:
/// microseconds instead of PBKDF2's tens of milliseconds. A changed password or login id (a new stored hash, or none)
/// misses; a deactivated or deleted registration is forgotten. See docs/security.md for what this trades.
/// </summary>
internal sealed class WarmCredentials : IDisposable
{
    private readonly HMACSHA256 keyed;
    private readonly ConcurrentDictionary<Guid, (Sip2PasswordHash Stored, byte[] Keyed)> entries = new();

    public WarmCredentials()
    {
        var key = new byte[32];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(key);
        }

        keyed = new HMACSHA256(key);
        Array.Clear(key, 0, key.Length);
    }

    /// <summary>True or false when the registration's current stored hash was verified before; null when it must be checked in full.</summary>
    public bool? Check(Sip2ClientRegistration registration, string? password)
    {
        if (registration.PasswordHash is not { } stored || !entries.TryGetValue(registration.Id, out var warm) || !ReferenceEquals(warm.Stored, stored) && !warm.Stored.Equals(stored))
        {
            return null;
        }

        // The stored hash admits one password: a keyed hash that differs is a wrong one, decided without the derivation.
        return !string.IsNullOrEmpty(password) && Pbkdf2.FixedTimeEquals(Hash(password!), warm.Keyed);
    }

    /// <summary>Keeps the keyed hash of a password that just checked out against the registration's stored hash.</summary>
    public void Remember(Sip2ClientRegistration registration, string password)
    {
        if (registration.PasswordHash is { } stored)
        {
            entries[registration.Id] = (stored, Hash(password));
        }
    }

    public void Forget(Guid registration) => entries.TryRemove(registration, out _);

    public void Dispose() => keyed.Dispose();

    private byte[] Hash(string password)
    {
        var bytes = Encoding.UTF8.GetBytes(password);
        lock (keyed)
        {
            return keyed.ComputeHash(bytes);
        }
    }
}
