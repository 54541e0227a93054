using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Sip2.Net.Admin.Tests.AdminTestHost;

namespace Sip2.Net.Admin.Tests;

/// <summary>
/// Every endpoint under the prefix, as routing knows them (so one added later is walked too), refuses a caller without
/// the host's policy: 401 without credentials, 403 for a signed-in user who lacks it; never a page or a redirect.
/// </summary>
public sealed class AuthorizationTests : IAsyncLifetime
{
    private AdminTestHost host = null!;

    public async Task InitializeAsync() => host = await StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Every_endpoint_under_the_prefix_requires_the_policy()
    {
        var endpoints = host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith(Prefix.TrimStart('/'), StringComparison.Ordinal))
            .ToArray();
        Assert.True(endpoints.Length > 50, $"only {endpoints.Length} endpoints found");

        using var anonymous = host.Client(user: null);
        using var guest = host.Client("mallory", admin: false);
        var walked = 0;
        foreach (var endpoint in endpoints)
        {
            var path = "/" + Regex.Replace(endpoint.RoutePattern.RawText!.TrimStart('/'), @"\{([^}:]+)(:guid)?\}", m => m.Groups[2].Success ? Guid.NewGuid().ToString() : "X");
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                var asAnonymous = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
                Assert.True(asAnonymous.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} without credentials: {(int)asAnonymous.StatusCode}");
                var asGuest = await guest.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
                Assert.True(asGuest.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} without the policy: {(int)asGuest.StatusCode}");
                walked++;
            }
        }

        Assert.True(walked >= endpoints.Length);
    }

    [Fact]
    public async Task A_change_from_another_site_is_refused()
    {
        using var admin = host.Client();
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Prefix}/api/groups") { Content = Json(new { id = "EVIL" }) };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.SendAsync(request)).StatusCode);
        var fromOrigin = new HttpRequestMessage(HttpMethod.Post, $"{Prefix}/api/groups") { Content = Json(new { id = "EVIL" }) };
        fromOrigin.Headers.Add("Origin", "https://attacker.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.SendAsync(fromOrigin)).StatusCode);
        Assert.DoesNotContain(await host.Store.ListGroupsAsync(), g => g.Id == "EVIL");
    }
}
