using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Sip2.Net.AspNetCore;
using Sip2.Net.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Switches a SIP2 server registered with <c>AddSip2Server</c> to Kestrel hosting.</summary>
public static class Sip2ServerBuilderKestrelExtensions
{
    // Internal to Sip2.Net, so it is matched by name; Sip2.Net has no public switch for it yet.
    private const string StandaloneHostedService = "Sip2.Net.DependencyInjection.Sip2ServerHostedService";

    /// <summary>
    /// Serves SIP2 through Kestrel only: removes the hosted service that runs the standalone listener (so
    /// <see cref="Sip2.Net.Server.Sip2ServerOptions.Endpoints"/> are not bound) and adds one that stops the
    /// engine gracefully when the host stops. Declare the endpoints with <c>ListenSip2</c> in
    /// <c>ConfigureKestrel</c>. Calling it again changes nothing.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddSip2Server</c>.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="InvalidOperationException">The standalone listener's hosted service was not found (a Sip2.Net version this package does not know).</exception>
    public static Sip2ServerBuilder UseKestrel(this Sip2ServerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var removed = false;
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (IsHostedService(services[i], StandaloneHostedService))
            {
                services.RemoveAt(i);
                removed = true;
            }
        }

        if (!removed && !services.Any(d => IsHostedService(d, typeof(Sip2KestrelLifetime).FullName!)))
        {
            // Failing here beats a second listener silently binding the standalone endpoints.
            throw new InvalidOperationException(
                $"The standalone SIP2 listener's hosted service ({StandaloneHostedService}) was not found: this Sip2.Net.AspNetCore does not match the Sip2.Net in use.");
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, Sip2KestrelLifetime>());
        return builder;
    }

    private static bool IsHostedService(ServiceDescriptor descriptor, string implementation) =>
        descriptor.ServiceType == typeof(IHostedService)
        && !descriptor.IsKeyedService // ImplementationType throws on keyed descriptors
        && descriptor.ImplementationType?.FullName == implementation;
}
