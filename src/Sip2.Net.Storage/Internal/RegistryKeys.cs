using System.Net;
using Sip2.Net.Access;

namespace Sip2.Net.Storage.Internal;

/// <summary>
/// The keys rows are found, joined and kept unique by. Ids and login ids are compared case-insensitively by the rules
/// (ordinal, ignoring case); folding to upper case with the invariant culture is that comparison as a value, computed
/// here rather than by the database's lower(), which depends on its collation.
/// </summary>
internal static class RegistryKeys
{
    public static string Of(string id) => id.ToUpperInvariant();

    public static string? OfOptional(string? id) => id?.ToUpperInvariant();

    /// <summary>An address as stored: normalised (an IPv4-mapped IPv6 address is its IPv4 address), in its usual text form.</summary>
    public static string Of(IPAddress address) => Sip2RegistryRules.NormalizeAddress(address).ToString();
}
