namespace Sip2.Net.Benchmarks;

/// <summary>
/// What a tool needs to know of the bench server's registrations on 127.0.0.1 to log in as them: how many there are
/// (<c>--logins</c>, as given to <c>server</c>) and whether each has its own password (<c>--distinct-passwords</c>).
/// Registration indexes wrap around the count.
/// </summary>
public sealed record BenchCredentials(int Count, bool DistinctPasswords)
{
    /// <summary>The defaults of the <c>server</c> command.</summary>
    public static BenchCredentials Default { get; } = new(BenchLogins.DefaultCount, DistinctPasswords: false);

    /// <summary>The registration an index names, wrapped into the range.</summary>
    public int Wrap(long index) => (int)(index % Count);

    /// <summary>The login id of registration <paramref name="index"/> (wrapped).</summary>
    public string LoginId(long index) => BenchLogins.LoginId(Wrap(index));

    /// <summary>The Login (93) that registration <paramref name="index"/> (wrapped) sends, with the right password.</summary>
    public byte[] LoginFrame(long index) => KioskWire.LoginFrame(BenchLogins.LoginId(Wrap(index)), BenchLogins.Password(Wrap(index), DistinctPasswords));
}
