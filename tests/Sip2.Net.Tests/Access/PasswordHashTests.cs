using System.Security.Cryptography;
using System.Text;
using Sip2.Net.Access;
using Sip2.Net.Access.Internal;

namespace Sip2.Net.Tests.Access;

public sealed class PasswordHashTests
{
    [Fact]
    public void The_right_password_verifies_and_others_do_not()
    {
        var hash = AccessFixture.Hash("s3cret");
        Assert.True(hash.Verify("s3cret"));
        Assert.False(hash.Verify("S3cret"));
        Assert.False(hash.Verify("s3cret "));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void An_empty_password_never_verifies_and_cannot_be_hashed(string? password)
    {
        Assert.False(AccessFixture.Hash("x").Verify(password));
        Assert.Throws<ArgumentException>(() => Sip2PasswordHash.Create(password!, Sip2PasswordHash.MinimumIterations));
    }

    [Fact]
    public void A_parsed_stored_form_equals_its_original_and_other_hashes_do_not()
    {
        var hash = AccessFixture.Hash("pw");
        Assert.Equal(hash, Sip2PasswordHash.Parse(hash.ToStoredString()));
        Assert.Equal(hash.GetHashCode(), Sip2PasswordHash.Parse(hash.ToStoredString()).GetHashCode());
        Assert.NotEqual(hash, AccessFixture.Hash("pw"));
        Assert.False(hash.Equals(null));
    }

    [Fact]
    public void Each_hash_has_its_own_salt()
    {
        Assert.NotEqual(AccessFixture.Hash("same").ToStoredString(), AccessFixture.Hash("same").ToStoredString());
    }

    [Fact]
    public void The_stored_form_round_trips_with_its_cost()
    {
        var hash = Sip2PasswordHash.Create("pw", 1234);
        var stored = hash.ToStoredString();

        Assert.StartsWith("pbkdf2-sha256$1234$", stored, StringComparison.Ordinal);
        var parsed = Sip2PasswordHash.Parse(stored);
        Assert.Equal(1234, parsed.Iterations);
        Assert.True(parsed.Verify("pw"));
        Assert.False(parsed.Verify("other"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pw")]
    [InlineData("md5$1000$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha256$abc$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha256$10$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha256$1000$not base64$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha256$1000$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha256$1000$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==$extra")]
    public void Malformed_stored_forms_are_refused(string? text)
    {
        Assert.False(Sip2PasswordHash.TryParse(text, out var result));
        Assert.Null(result);
        if (text is not null)
        {
            Assert.Throws<FormatException>(() => Sip2PasswordHash.Parse(text));
        }
    }

    [Fact]
    public void ToString_reveals_neither_salt_nor_hash()
    {
        var hash = AccessFixture.Hash("topsecret");
        var parts = hash.ToStoredString().Split('$');
        var text = hash.ToString();

        Assert.DoesNotContain(parts[2], text, StringComparison.Ordinal);
        Assert.DoesNotContain(parts[3], text, StringComparison.Ordinal);
        Assert.DoesNotContain("topsecret", text, StringComparison.Ordinal);
        Assert.Contains("redacted", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registration_never_shows_its_password_or_hash_in_ToString()
    {
        var registration = AccessFixture.Registration(AccessFixture.Shared, "kiosk1", "topsecret");
        var stored = registration.PasswordHash!.ToStoredString().Split('$');
        var text = registration.ToString();

        Assert.DoesNotContain("topsecret", text, StringComparison.Ordinal);
        Assert.DoesNotContain(stored[3], text, StringComparison.Ordinal);
        Assert.Contains("kiosk1", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("passwd", "salt", 1, 64, "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783")]
    [InlineData("Password", "NaCl", 80000, 64, "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d")]
    public void The_managed_PBKDF2_matches_the_RFC_7914_vectors(string password, string salt, int iterations, int length, string expectedHex)
    {
        var derived = Pbkdf2.DeriveSha256Managed(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(salt), iterations, length);
        Assert.Equal(expectedHex, Convert.ToHexString(derived).ToLowerInvariant());
    }

    [Fact]
    public void The_managed_PBKDF2_matches_the_framework_for_random_inputs()
    {
        var random = new Random(7);
        for (var i = 0; i < 20; i++)
        {
            var password = new byte[random.Next(0, 80)];
            var salt = new byte[random.Next(8, 40)];
            random.NextBytes(password);
            random.NextBytes(salt);
            var length = random.Next(1, 100);

            Assert.Equal(
                Rfc2898DeriveBytes.Pbkdf2(password, salt, 3, HashAlgorithmName.SHA256, length),
                Pbkdf2.DeriveSha256Managed(password, salt, 3, length));
        }
    }

    [Fact]
    public void The_managed_fixed_time_comparison_is_a_comparison()
    {
        Assert.True(Pbkdf2.FixedTimeEqualsManaged(new byte[] { 1, 2, 3 }, new byte[] { 1, 2, 3 }));
        Assert.False(Pbkdf2.FixedTimeEqualsManaged(new byte[] { 1, 2, 3 }, new byte[] { 1, 2, 4 }));
        Assert.False(Pbkdf2.FixedTimeEqualsManaged(new byte[] { 9, 2, 3 }, new byte[] { 1, 2, 3 }));
        Assert.False(Pbkdf2.FixedTimeEqualsManaged(new byte[] { 1, 2 }, new byte[] { 1, 2, 3 }));
    }
}
