using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Sip2.Net.Access;

namespace Sip2.Net.SampleHost.Tests;

/// <summary>The sample host's admin site: cookie sign-in from the configured accounts, its throttling, and the API key.</summary>
public sealed class AdminSiteTests
{
    private const string DemoUser = "admin";
    private const string DemoPassword = "sip2-admin-demo";

    [Fact]
    public async Task The_demo_administrator_signs_in_with_a_secure_cookie_and_reaches_the_screens()
    {
        await using var library = await TestLibrary.StartAsync();
        using var browser = Browser(library, out _);

        var anonymous = await browser.GetAsync("/sip2/registrations");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/signin", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var signedIn = await SignInAsync(browser, DemoUser, DemoPassword, "/sip2/branches");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/sip2/branches", signedIn.Headers.Location!.OriginalString);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Sip2Admin=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie.Replace("samesite", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase); // plain HTTP here; HTTPS sets Secure

        var page = await browser.GetStringAsync("/sip2/registrations");
        Assert.Contains("Signed in as <strong>admin</strong>", page, StringComparison.Ordinal);
        Assert.Contains("north-kiosk", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_cookie_session()
    {
        await using var library = await TestLibrary.StartAsync();
        using var browser = Browser(library, out _);
        await SignInAsync(browser, DemoUser, DemoPassword);
        var page = await browser.GetStringAsync("/sip2/sessions");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var signedOut = await browser.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal("/signin", signedOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/sip2/sessions")).StatusCode);
    }

    [Fact]
    public async Task The_API_answers_401_without_credentials_never_a_redirect()
    {
        await using var library = await TestLibrary.StartAsync();
        using var client = Browser(library, out _);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/sip2/api/registrations")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/sip2/openapi/sip2-admin.json")).StatusCode);
    }

    [Fact]
    public async Task Failed_sign_ins_slow_down_then_lock_out_and_the_clock_releases_them()
    {
        await using var library = await TestLibrary.StartAsync();
        using var browser = Browser(library, out _);
        for (var i = 0; i < 3; i++)
        {
            var wrong = await SignInAsync(browser, DemoUser, "guess-" + i);
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("Wrong user name or password.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The fourth attempt must wait, and is not checked even with the right password.
        var throttled = await SignInAsync(browser, DemoUser, DemoPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("1", throttled.Headers.GetValues("Retry-After").Single());

        library.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(browser, DemoUser, DemoPassword)).StatusCode);

        // Ten failures from one address within the window lock it out for a quarter of an hour, whatever the user name; the
        // success did not clear the address's three (someone else may be guessing another name from it).
        for (var i = 0; i < 7; i++)
        {
            library.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(HttpStatusCode.BadRequest, (await SignInAsync(browser, "nobody-" + i, "guess")).StatusCode);
        }

        var locked = await SignInAsync(browser, DemoUser, DemoPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal(15 * 60, int.Parse(locked.Headers.GetValues("Retry-After").Single()));
        library.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(browser, DemoUser, DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_without_its_anti_forgery_token_or_to_another_site_goes_nowhere()
    {
        await using var library = await TestLibrary.StartAsync();
        using var browser = Browser(library, out _);
        var forged = await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = DemoUser, ["password"] = DemoPassword }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(forged.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("Sip2Admin=", StringComparison.Ordinal)));

        var away = await SignInAsync(browser, DemoUser, DemoPassword, "//attacker.example/");
        Assert.Equal("/sip2", away.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_API_key_opens_the_JSON_API_only_and_is_named_in_the_audit_trail()
    {
        await using var library = await TestLibrary.StartAsync(new Dictionary<string, string?> { ["Sip2:Admin:ApiKey"] = "key-for-scripts-1234" });
        using var client = Browser(library, out _);

        Assert.Equal(HttpStatusCode.OK, (await Send(client, HttpMethod.Get, "/sip2/api/registrations", "key-for-scripts-1234")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(client, HttpMethod.Get, "/sip2/api/registrations", "key-for-scripts-1235")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(client, HttpMethod.Get, "/sip2/registrations", "key-for-scripts-1234")).StatusCode);

        var created = await Send(client, HttpMethod.Post, "/sip2/api/groups", "key-for-scripts-1234", new StringContent("""{"id":"SCRIPTED"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var audit = await library.Services.GetRequiredService<ISip2RegistryStore>().ListAuditAsync(1);
        Assert.Equal("api-key", audit[0].Actor);
    }

    [Fact]
    public async Task Without_a_configured_key_the_header_is_refused()
    {
        await using var library = await TestLibrary.StartAsync();
        using var client = Browser(library, out _);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(client, HttpMethod.Get, "/sip2/api/registrations", "")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(client, HttpMethod.Get, "/sip2/api/registrations", "anything")).StatusCode);
    }

    private static HttpClient Browser(TestLibrary library, out CookieContainer cookies)
    {
        cookies = new CookieContainer();
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = library.AdminUri };
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string userName, string password, string returnUrl = "/sip2")
    {
        var form = await browser.GetStringAsync("/signin");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        return await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
        }));
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, string key, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        return client.SendAsync(request);
    }
}
