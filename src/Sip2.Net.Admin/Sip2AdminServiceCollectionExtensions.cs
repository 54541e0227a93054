using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sip2.Net.Admin;
using Sip2.Net.Admin.Internal;
using Sip2.Net.Admin.Internal.Api;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what the SIP2 admin screens and API need.</summary>
public static class Sip2AdminServiceCollectionExtensions
{
    /// <summary>
    /// Adds the admin site's services: anti-forgery for its forms, the OpenAPI document of its API, and its options.
    /// The registry store (<see cref="Sip2.Net.Access.ISip2RegistryStore"/>) comes from the host, usually through
    /// <c>AddSip2Server</c>; a <see cref="Sip2.Net.Server.Sip2ConnectionHandler"/>, when registered, adds the live sessions.
    /// Mount the screens with <c>MapSip2Admin</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options (title, sign-out path, how the audit trail names an administrator); null for none.</param>
    public static IServiceCollection AddSip2Admin(this IServiceCollection services, Action<Sip2AdminOptions>? configure) =>
        Add(services, null, configure);

    /// <summary>Adds the admin site's services with the default options; see <see cref="AddSip2Admin(IServiceCollection, Action{Sip2AdminOptions})"/>.</summary>
    /// <param name="services">The service collection.</param>
    public static IServiceCollection AddSip2Admin(this IServiceCollection services) => Add(services, null, null);

    /// <inheritdoc cref="AddSip2Admin(IServiceCollection, IConfiguration, Action{Sip2AdminOptions})"/>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The bound type's members are kept by DynamicDependency.")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The bound type has only string, int and TimeSpan settings.")]
    public static IServiceCollection AddSip2Admin(this IServiceCollection services, IConfiguration configuration) =>
        AddSip2Admin(services, configuration, null);

    /// <summary>
    /// Adds the admin site's services with its options bound from a configuration section (keys <c>Title</c>,
    /// <c>SignOutPath</c>, <c>TestTimeout</c>, <c>AuditPageSize</c>), e.g. <c>configuration.GetSection("Sip2:Admin")</c>;
    /// <paramref name="configure"/> runs after the binding. A bad value stops the start with a message naming its key.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section; its path names the keys in validation messages.</param>
    /// <param name="configure">Adjusts the bound options (e.g. <see cref="Sip2AdminOptions.ActorName"/>, which no configuration can hold); null for none.</param>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The bound type's members are kept by DynamicDependency.")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The bound type has only string, int and TimeSpan settings.")]
    [System.Diagnostics.CodeAnalysis.DynamicDependency(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.All, typeof(Sip2AdminOptions))]
    public static IServiceCollection AddSip2Admin(this IServiceCollection services, IConfiguration configuration, Action<Sip2AdminOptions>? configure)
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        return Add(services, configuration, configure);
    }

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only the IConfiguration overload binds; its members are kept there.")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only the IConfiguration overload binds.")]
    private static IServiceCollection Add(IServiceCollection services, IConfiguration? configuration, Action<Sip2AdminOptions>? configure)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        var options = services.AddOptions<Sip2AdminOptions>();
        var key = "Sip2AdminOptions.";
        if (configuration is not null)
        {
            options.Bind(configuration);
            key = configuration is IConfigurationSection section ? section.Path + ":" : "";
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => !string.IsNullOrWhiteSpace(o.Title), $"{key}Title is empty.")
            .Validate(o => o.TestTimeout > TimeSpan.Zero, $"{key}TestTimeout must be positive.")
            .Validate(o => o.AuditPageSize is >= 1 and <= 1000, $"{key}AuditPageSize is 1 to 1,000.")
            .ValidateOnStart();

        services.AddAntiforgery();
        services.TryAddSingleton<AdminServicesMarker>();
        Sip2AdminOpenApi.AddServices(services);
        return services;
    }
}
