using System;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sip2.Net.SampleHost.Admin;

/// <summary>Options of the X-Api-Key scheme: the configured key (none: every key is refused) and where it is accepted.</summary>
internal sealed class ApiKeyOptions : AuthenticationSchemeOptions
{
    public string? Key { get; set; }

    /// <summary>The path the key is good for: the admin's JSON API (and its OpenAPI document), never the screens.</summary>
    public string[] Paths { get; set; } = [];
}

/// <summary>Authenticates a script by the X-Api-Key header, compared in constant time; the actor it names is <c>api-key</c>.</summary>
internal sealed class ApiKeyHandler(IOptionsMonitor<ApiKeyOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<ApiKeyOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var presented))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (string.IsNullOrEmpty(Options.Key))
        {
            return Task.FromResult(AuthenticateResult.Fail("No API key is configured (Sip2:Admin:ApiKey), so X-Api-Key is refused."));
        }

        if (!Array.Exists(Options.Paths, p => Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is accepted by the JSON API only."));
        }

        // Hashing both sides gives equal lengths, so the comparison's time says nothing about the key.
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(Options.Key));
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(presented.ToString()));
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return Task.FromResult(AuthenticateResult.Fail("Wrong API key."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "api-key"), new Claim(AdminSite.AdministratorClaim, "api-key")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = SchemeName;
        return Task.CompletedTask;
    }
}
