using System;
using System.Globalization;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sip2.Net.SampleHost.Admin;

/// <summary>
/// The sample host's admin site: the Sip2.Net.Admin screens and API under /sip2, behind the policy "Sip2Admin", which a
/// cookie from the sign-in form or, for the JSON API only, an X-Api-Key header satisfies.
/// </summary>
internal static class AdminSite
{
    public const string Prefix = "/sip2";
    public const string Policy = "Sip2Admin";
    public const string AdministratorClaim = "sip2-admin";
    private const string SelectorScheme = "Sip2Admin";
    private const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;

    public static void AddServices(IServiceCollection services, AdminSettings settings, Microsoft.Extensions.Configuration.IConfiguration section)
    {
        services.AddSingleton(new AdminAccounts(settings.Accounts));
        services.AddSingleton(sp => new SignInThrottle(sp.GetRequiredService<TimeProvider>()));
        services.AddAuthentication(SelectorScheme)
            // A request carrying X-Api-Key is judged by the key alone; anything else by the sign-in cookie.
            .AddPolicyScheme(SelectorScheme, "Cookie or API key", o => o.ForwardDefaultSelector = c =>
                c.Request.Headers.ContainsKey(ApiKeyHandler.Header) ? ApiKeyHandler.SchemeName : CookieScheme)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "Sip2Admin";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest; // Secure whenever served over HTTPS
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.LoginPath = "/signin";
                o.AccessDeniedPath = "/signin";
                // Scripts get a status, never a redirect to a form they cannot fill in.
                o.Events.OnRedirectToLogin = c => Answer(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => Answer(c, StatusCodes.Status403Forbidden);
            })
            .AddScheme<ApiKeyOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, o =>
            {
                o.Key = settings.ApiKey;
                o.Paths = [Prefix + "/api", Prefix + "/openapi"];
            });
        services.AddAuthorization(o => o.AddPolicy(Policy, p => p.RequireAuthenticatedUser().RequireClaim(AdministratorClaim)));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "Sip2Admin.Antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        });
        // Title, TestTimeout and AuditPageSize from Sip2:Admin (validated at start); the sign-out path is this site's own.
        services.AddSip2Admin(section, o => o.SignOutPath = "/signout");
    }

    public static void Map(WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/", () => Results.Redirect(Prefix));
        app.MapGet("/signin", (HttpContext c, IAntiforgery antiforgery) => Page(c, antiforgery, StatusCodes.Status200OK, null, null));
        app.MapPost("/signin", SignInAsync);
        app.MapPost("/signout", async (HttpContext c, IAntiforgery antiforgery) =>
        {
            if (c.Request.HasFormContentType && await antiforgery.IsRequestValidAsync(c))
            {
                await c.SignOutAsync(CookieScheme);
            }

            return Results.Redirect("/signin");
        });
        // Outside the admin policy, for load balancers and orchestrators: the body is Healthy, Degraded or Unhealthy,
        // and nothing else (no description, so no store problem or probe detail reaches an anonymous caller).
        app.MapHealthChecks("/healthz");
        app.MapSip2Admin(Prefix).RequireAuthorization(Policy);
    }

    private static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, AdminAccounts accounts, SignInThrottle throttle, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(AdminSite).FullName!);
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
        {
            return Page(context, antiforgery, StatusCodes.Status400BadRequest, null, "The form expired. Sign in again.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var userName = form["userName"].ToString().Trim();
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var returnUrl = LocalOnly(form["returnUrl"].ToString());
        var wait = throttle.RetryAfter(userName, address);
        if (wait > TimeSpan.Zero)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            Log.SignInThrottled(logger, address, seconds);
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Page(context, antiforgery, StatusCodes.Status429TooManyRequests, userName, $"Too many failed sign-ins. Try again in {seconds} seconds.", returnUrl);
        }

        if (accounts.Verify(userName, form["password"].ToString()) is not { } name)
        {
            throttle.Failed(userName, address);
            Log.SignInRefused(logger, address);
            return Page(context, antiforgery, StatusCodes.Status400BadRequest, userName, "Wrong user name or password.", returnUrl);
        }

        throttle.Succeeded(name);
        Log.SignedIn(logger, name, address);
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(AdministratorClaim, "account")], CookieScheme);
        await context.SignInAsync(CookieScheme, new ClaimsPrincipal(identity));
        return Results.Redirect(returnUrl);
    }

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, int status, string? userName, string? problem, string? returnUrl = null)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var target = returnUrl ?? LocalOnly(context.Request.Query["ReturnUrl"].ToString());
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        return Results.Content(SignInPage.Render(tokens.FormFieldName, tokens.RequestToken ?? "", target, userName, problem), "text/html; charset=utf-8", statusCode: status);
    }

    // Only a path on this site: an absolute or protocol-relative address would make the form an open redirect.
    private static string LocalOnly(string? url) =>
        url is { Length: > 1 } && url[0] == '/' && url[1] != '/' && url[1] != '\\' ? url : Prefix;

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments(Prefix + "/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(Prefix + "/openapi", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
