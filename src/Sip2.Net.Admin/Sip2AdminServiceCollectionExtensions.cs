using System;
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
    /// <param name="configure">Adjusts the options (title, sign-out path, how the audit trail names an administrator).</param>
    public static IServiceCollection AddSip2Admin(this IServiceCollection services, Action<Sip2AdminOptions>? configure = null)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        var options = services.AddOptions<Sip2AdminOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => !string.IsNullOrWhiteSpace(o.Title), "Sip2AdminOptions.Title is empty.")
            .Validate(o => o.TestTimeout > TimeSpan.Zero, "Sip2AdminOptions.TestTimeout must be positive.")
            .Validate(o => o.AuditPageSize is >= 1 and <= 1000, "Sip2AdminOptions.AuditPageSize is 1 to 1,000.")
            .ValidateOnStart();

        services.AddAntiforgery();
        services.TryAddSingleton<AdminServicesMarker>();
        Sip2AdminOpenApi.AddServices(services);
        return services;
    }
}
