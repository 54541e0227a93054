using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sip2.Net.Access;
using Sip2.Net.Resolution;
using Sip2.Net.Server;

namespace Sip2.Net.Admin.Tests;

/// <summary>
/// An ASP.NET Core application in-process (TestServer) with the SIP2 server's services (no listener), the admin site at
/// /sip2 behind the policy "Sip2Admin", and a test scheme: a request with X-Test-User is signed in as that user.
/// Seeded with one group, two institutions, two branch configurations.
/// </summary>
internal sealed class AdminTestHost : IAsyncDisposable
{
    public const string Prefix = "/sip2";
    public const string UserHeader = "X-Test-User";

    private AdminTestHost(WebApplication app)
    {
        App = app;
        Server = app.GetTestServer();
    }

    public WebApplication App { get; }

    public TestServer Server { get; }

    public ISip2RegistryStore Store => App.Services.GetRequiredService<ISip2RegistryStore>();

    public static async Task<AdminTestHost> StartAsync(bool withServer = true, ISip2RegistryStore? store = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        if (withServer)
        {
            var sip2 = builder.Services.AddSip2Server().AddBackend(new EmptyLibrary()).ConfigureRegistry(Sip2RegistryOptions.AllowLocalNetworks).WithoutStandaloneListener();
            if (store is not null)
            {
                sip2.AddRegistryStore(store);
            }
        }
        else
        {
            builder.Services.AddSingleton<ISip2RegistryStore>(store ?? new InMemorySip2RegistryStore(Sip2RegistryOptions.AllowLocalNetworks));
        }

        builder.Services.AddAuthentication(TestScheme.Name).AddScheme<AuthenticationSchemeOptions, TestScheme>(TestScheme.Name, null);
        builder.Services.AddAuthorization(o => o.AddPolicy("Sip2Admin", p => p.RequireAuthenticatedUser().RequireClaim("role", "admin")));
        builder.Services.AddSip2Admin(o => o.TestTimeout = TimeSpan.FromSeconds(10));

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapSip2Admin(Prefix).RequireAuthorization("Sip2Admin");
        await app.StartAsync();
        var host = new AdminTestHost(app);
        host.Seed();
        return host;
    }

    /// <summary>A client signed in as <paramref name="user"/> (an administrator unless <paramref name="admin"/> is false); null for an anonymous one.</summary>
    public HttpClient Client(string? user = "alice", bool admin = true)
    {
        var client = Server.CreateClient();
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add(UserHeader, admin ? user : user + ";guest");
        }

        return client;
    }

    public static StringContent Json(object value) => new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>())!;

    private void Seed()
    {
        StoreSeeding.Must(Store.SaveGroupAsync(new Sip2InstitutionGroup { Id = "METRO", Name = "Metro" }, "seed"));
        StoreSeeding.Must(Store.SaveInstitutionAsync(new Sip2Institution { Id = "NORTH", Name = "Northfield", GroupId = "METRO" }, "seed"));
        StoreSeeding.Must(Store.SaveInstitutionAsync(new Sip2Institution { Id = "SOUTH", Name = "Southport" }, "seed"));
        StoreSeeding.Must(Store.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "NORTH", BranchId = "MAIN", LibraryName = "Northfield Main" }, "seed"));
        StoreSeeding.Must(Store.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "SOUTH", BranchId = "CENTRAL" }, "seed"));
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    /// <summary>Signs in whoever X-Test-User names; "name;guest" is signed in without the administrator role.</summary>
    private sealed class TestScheme(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string Name = "Test";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (Request.Headers[UserHeader].ToString() is not { Length: > 0 } value)
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var parts = value.Split(';');
            var claims = new List<Claim> { new(ClaimTypes.Name, parts[0]) };
            if (parts.Length == 1)
            {
                claims.Add(new Claim("role", "admin"));
            }

            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, Name)), Name)));
        }
    }

    // A library with no patrons and no items.
    private sealed class EmptyLibrary : Sip2BackendBase
    {
        public override ValueTask<string?> FindPatronInstitutionAsync(string patronIdentifier, Sip2RequestContext context) => new((string?)null);

        public override ValueTask<Sip2ItemOwner?> FindItemOwnerAsync(string itemIdentifier, Sip2RequestContext context) => new((Sip2ItemOwner?)null);
    }
}
