using Sip2.Net.Access;

namespace Sip2.Net.Configuration;

/// <summary>The <c>Registry</c> part of <see cref="Sip2ServerSettings"/>: <see cref="Sip2RegistryOptions"/> in configuration.</summary>
public sealed class Sip2RegistrySettings
{
    /// <inheritdoc cref="Sip2RegistryOptions.AllowLoopback"/>
    public bool AllowLoopback { get; set; }

    /// <inheritdoc cref="Sip2RegistryOptions.AllowPrivate"/>
    public bool AllowPrivate { get; set; }

    /// <inheritdoc cref="Sip2RegistryOptions.AllowLinkLocal"/>
    public bool AllowLinkLocal { get; set; }

    /// <summary>The registry options these settings describe.</summary>
    public Sip2RegistryOptions ToOptions() => new() { AllowLoopback = AllowLoopback, AllowPrivate = AllowPrivate, AllowLinkLocal = AllowLinkLocal };
}
