using System;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Sip2.Net.Access.Internal;

/// <summary>PBKDF2-HMAC-SHA256 (RFC 8018) and a constant-time comparison, on every target.</summary>
internal static class Pbkdf2
{
    public static byte[] DeriveSha256(byte[] password, byte[] salt, int iterations, int length)
    {
#if NET8_0_OR_GREATER
        return Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, length);
#else
        return DeriveSha256Managed(password, salt, iterations, length);
#endif
    }

    // netstandard2.0 has no one-shot PBKDF2 with SHA-256, so this is RFC 8018 section 5.2 written out:
    // block i is U1 ^ U2 ^ ... ^ Uc with U1 = HMAC(P, S || INT(i)) and Uj = HMAC(P, Uj-1).
    // Compiled on every target so the tests can hold it against the framework's implementation.
    internal static byte[] DeriveSha256Managed(byte[] password, byte[] salt, int iterations, int length)
    {
        using var hmac = new HMACSHA256(password);
        var result = new byte[length];
        var input = new byte[salt.Length + 4];
        Buffer.BlockCopy(salt, 0, input, 0, salt.Length);

        var offset = 0;
        for (var block = 1; offset < length; block++)
        {
            input[salt.Length] = (byte)(block >> 24);
            input[salt.Length + 1] = (byte)(block >> 16);
            input[salt.Length + 2] = (byte)(block >> 8);
            input[salt.Length + 3] = (byte)block;

            var u = hmac.ComputeHash(input);
            var t = (byte[])u.Clone();
            for (var i = 1; i < iterations; i++)
            {
                u = hmac.ComputeHash(u);
                for (var j = 0; j < t.Length; j++)
                {
                    t[j] ^= u[j];
                }
            }

            var count = Math.Min(t.Length, length - offset);
            Buffer.BlockCopy(t, 0, result, offset, count);
            offset += count;
        }

        return result;
    }

    public static bool FixedTimeEquals(byte[] left, byte[] right)
    {
#if NET8_0_OR_GREATER
        return CryptographicOperations.FixedTimeEquals(left, right);
#else
        return FixedTimeEqualsManaged(left, right);
#endif
    }

    // Every byte is visited whatever the first difference: the time depends only on the length, which is public.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
    internal static bool FixedTimeEqualsManaged(byte[] left, byte[] right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        var difference = 0;
        for (var i = 0; i < left.Length; i++)
        {
            difference |= left[i] ^ right[i];
        }

        return difference == 0;
    }
}
