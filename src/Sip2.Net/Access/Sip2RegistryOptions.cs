namespace Sip2.Net.Access;

/// <summary>
/// Which addresses the registry accepts besides public ones. A hosted service keeps the defaults (refuse);
/// an on-site server or the sample host allows the ranges its clients use. The unspecified, broadcast and
/// multicast addresses are always refused.
/// </summary>
public sealed record Sip2RegistryOptions
{
    /// <summary>Whether loopback addresses (127.0.0.0/8, ::1) may be registered. Default: false.</summary>
    public bool AllowLoopback { get; init; }

    /// <summary>
    /// Whether private addresses may be registered: 10/8, 172.16/12, 192.168/16, the shared 100.64/10 range and
    /// IPv6 unique-local fc00::/7. Default: false.
    /// </summary>
    public bool AllowPrivate { get; init; }

    /// <summary>Whether link-local addresses (169.254/16, fe80::/10) may be registered. Default: false.</summary>
    public bool AllowLinkLocal { get; init; }

    /// <summary>Options that allow loopback, private and link-local addresses, for on-site servers and development.</summary>
    public static Sip2RegistryOptions AllowLocalNetworks { get; } = new() { AllowLoopback = true, AllowPrivate = true, AllowLinkLocal = true };
}
