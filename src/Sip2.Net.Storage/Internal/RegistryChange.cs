using System;

namespace Sip2.Net.Storage.Internal;

/// <summary>
/// What one write changed, as the other instances are told: one registration (by id), or the directory (groups,
/// institutions, branch configurations, custom messages), which is small enough to re-read whole.
/// </summary>
internal readonly record struct RegistryChange(Guid? RegistrationId)
{
    public static RegistryChange Directory { get; } = new(null);

    public static RegistryChange Registration(Guid id) => new(id);
}
