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
    /// <summary>
    /// Serves SIP2 through Kestrel only: removes the hosted service that runs the standalone listener (so
    /// <see cref="Sip2.Net.Server.Sip2ServerOptions.Endpoints"/> are not bound) and adds one that stops the
    /// engine gracefully when the host stops. Declare the endpoints with <c>ListenSip2</c> in
    /// <c>ConfigureKestrel</c>. Calling it again changes nothing.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddSip2Server</c>.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static Sip2ServerBuilder UseKestrel(this Sip2ServerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WithoutStandaloneListener();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, Sip2KestrelLifetime>());
        return builder;
    }
}
