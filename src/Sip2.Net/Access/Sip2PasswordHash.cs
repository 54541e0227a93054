using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sip2.Net.Access.Internal;

namespace Sip2.Net.Access;

/// <summary>
/// A salted PBKDF2-HMAC-SHA256 hash of a registration's password. The password itself is never kept, so it can
/// never be read back. <see cref="ToString"/> shows only the algorithm and cost; <see cref="ToStoredString"/>
/// gives the form to persist (<c>pbkdf2-sha256$iterations$salt$hash</c>, salt and hash in base64), which
/// <see cref="Parse"/> reads back, so integrators can keep hashes in their own stores or in configuration.
/// </summary>
public sealed class Sip2PasswordHash : IEquatable<Sip2PasswordHash>
{
    /// <summary>The algorithm id written first in the stored form.</summary>
    public const string AlgorithmId = "pbkdf2-sha256";

    /// <summary>
    /// The iteration count <see cref="Create(string)"/> uses. High enough to slow down guessing, low enough for
    /// a login per connection; the count is stored with each hash, so it can be raised without breaking old hashes.
    /// </summary>
    public const int DefaultIterations = 100_000;

    /// <summary>The lowest iteration count accepted, for creating and for parsing.</summary>
    public const int MinimumIterations = 1_000;

    /// <summary>The highest iteration count accepted when parsing: a guard against a stored value that would stall logins.</summary>
    public const int MaximumIterations = 10_000_000;

    private const int SaltLength = 16;
    private const int HashLength = 32;

    private readonly byte[] salt;
    private readonly byte[] hash;

    private Sip2PasswordHash(int iterations, byte[] salt, byte[] hash)
    {
        Iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /// <summary>The algorithm: always <see cref="AlgorithmId"/>.</summary>
    public string Algorithm { get; } = AlgorithmId;

    /// <summary>The PBKDF2 iteration count (the cost).</summary>
    public int Iterations { get; }

    /// <summary>Hashes <paramref name="password"/> with a new random salt and <see cref="DefaultIterations"/>.</summary>
    /// <exception cref="ArgumentException">The password is null or empty: an empty password is never valid.</exception>
    public static Sip2PasswordHash Create(string password) => Create(password, DefaultIterations);

    /// <summary>Hashes <paramref name="password"/> with a new random salt and the given iteration count.</summary>
    /// <exception cref="ArgumentException">The password is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The iteration count is outside <see cref="MinimumIterations"/>..<see cref="MaximumIterations"/>.</exception>
    public static Sip2PasswordHash Create(string password, int iterations)
    {
        if (string.IsNullOrEmpty(password))
        {
            throw new ArgumentException("A password cannot be empty.", nameof(password));
        }

        if (iterations < MinimumIterations || iterations > MaximumIterations)
        {
            throw new ArgumentOutOfRangeException(nameof(iterations), iterations, $"Between {MinimumIterations} and {MaximumIterations} iterations.");
        }

        var salt = new byte[SaltLength];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(salt);
        }

        return new Sip2PasswordHash(iterations, salt, Pbkdf2.DeriveSha256(Encoding.UTF8.GetBytes(password), salt, iterations, HashLength));
    }

    /// <summary>
    /// Whether <paramref name="password"/> is the hashed password. The comparison takes the same time wherever
    /// the first difference is. A null or empty password never verifies.
    /// </summary>
    public bool Verify(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return false;
        }

        var candidate = Pbkdf2.DeriveSha256(Encoding.UTF8.GetBytes(password), salt, Iterations, hash.Length);
        return Pbkdf2.FixedTimeEquals(candidate, hash);
    }

    /// <summary>The form to persist: <c>pbkdf2-sha256$iterations$salt$hash</c> (salt and hash in base64).</summary>
    public string ToStoredString() =>
        string.Concat(AlgorithmId, "$", Iterations.ToString(CultureInfo.InvariantCulture), "$", Convert.ToBase64String(salt), "$", Convert.ToBase64String(hash));

    /// <summary>Reads a hash written by <see cref="ToStoredString"/>.</summary>
    /// <exception cref="FormatException">The text is not a stored hash.</exception>
    public static Sip2PasswordHash Parse(string text) =>
        TryParse(text, out var result) ? result : throw new FormatException($"Not a stored password hash; expected {AlgorithmId}$iterations$salt$hash.");

    /// <summary>Reads a hash written by <see cref="ToStoredString"/>; false when the text is not one.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Sip2PasswordHash? result)
    {
        result = null;
        var parts = text?.Split('$');
        if (parts is null || parts.Length != 4 || !string.Equals(parts[0], AlgorithmId, StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
            || iterations < MinimumIterations || iterations > MaximumIterations)
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var hash = Convert.FromBase64String(parts[3]);

            // Short salts or hashes would weaken the check; anything this class writes is 16 and 32 bytes.
            if (salt.Length < 8 || hash.Length < 16 || hash.Length > 64)
            {
                return false;
            }

            result = new Sip2PasswordHash(iterations, salt, hash);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether both are the same hash: same cost, salt and derived key (a stored form parsed back equals its
    /// original). Two hashes of one password differ, since each has its own salt.
    /// </summary>
    public bool Equals(Sip2PasswordHash? other) =>
        other is not null && Iterations == other.Iterations && salt.AsSpan().SequenceEqual(other.salt) && hash.AsSpan().SequenceEqual(other.hash);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Sip2PasswordHash);

    /// <inheritdoc/>
    public override int GetHashCode() => (Iterations * 397) ^ BitConverter.ToInt32(hash, 0);

    /// <summary>The algorithm and cost only; the salt and hash are not shown.</summary>
    public override string ToString() => string.Concat(AlgorithmId, " (", Iterations.ToString(CultureInfo.InvariantCulture), " iterations, redacted)");
}
