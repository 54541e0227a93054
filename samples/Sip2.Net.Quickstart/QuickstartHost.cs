using System;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sip2.Net.Access;
using Sip2.Net.DependencyInjection;
using Sip2.Net.Resolution;

namespace Quickstart;

public static class QuickstartHost
{
    public static IHost Create(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);

        // Endpoints, limits, timeouts and registry rules from the "Sip2:Server" section (appsettings.json, environment
        // variables, the command line), validated when the host starts.
        builder.Services.AddSip2Server("Sip2:Server")
            .AddBackend<MyLibrarySystem>()
            .OnStarting(async (services, cancellationToken) =>
            {
                // Runs before the listener opens: the branch, then the kiosk registered at its static address.
                var store = services.GetRequiredService<ISip2RegistryStore>();
                Must(await store.SaveInstitutionAsync(new Sip2Institution { Id = "main", Name = "Main Library" }, cancellationToken: cancellationToken));
                Must(await store.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "main", BranchId = "central", LibraryName = "Central" }, cancellationToken: cancellationToken));
                var created = await store.CreateAsync(new Sip2ClientRegistration
                {
                    IPAddress = IPAddress.Loopback,
                    LoginId = "kiosk1",
                    PasswordHash = Sip2PasswordHash.Create("kiosk1-secret"),
                    InstitutionId = "main",
                    BranchId = "central",
                }, cancellationToken: cancellationToken);
                Must(created.Error);
            });

        return builder.Build();
    }

    // A refusal names the registry rule it breaks (an address outside the allowed ranges, a branch without a
    // SIP2 configuration, ...): a start that cannot register its kiosk stops with it.
    private static void Must(Sip2RegistryError? error)
    {
        if (error is not null)
        {
            throw new InvalidOperationException(error.ToString());
        }
    }
}
