using System.Net;
using System.Text.RegularExpressions;
using Sip2.Net.Access;
using static Sip2.Net.Admin.Tests.AdminTestHost;

namespace Sip2.Net.Admin.Tests;

/// <summary>The HTML screens: each renders for an administrator, forms need their anti-forgery token, refusals show next to their field.</summary>
public sealed class ScreenTests(ScreenTests.Desk fixture) : IClassFixture<ScreenTests.Desk>, IDisposable
{
    private readonly AdminTestHost host = fixture.Host;
    private readonly HttpClient browser = fixture.Host.Client();
    private readonly Guid id = fixture.Id;

    public void Dispose() => browser.Dispose();

    /// <summary>The host with one registration, "desk" on 127.0.0.40.</summary>
    public sealed class Desk : AdminHostFixture
    {
        public Guid Id { get; private set; }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Id = (await Host.Store.CreateAsync(new Sip2ClientRegistration { IPAddress = IPAddress.Parse("127.0.0.40"), LoginId = "desk", InstitutionId = "NORTH", BranchId = "MAIN" })).GetValueOrThrow().Id;
        }
    }

    public static TheoryData<string> Screens => new()
    {
        "registrations", "registrations?institution=NORTH&address=127.0.0", "registrations/new", "registrations/{id}/edit", "registrations/{id}/delete",
        "registrations/{id}/login", "registrations/{id}/password", "registrations/{id}/test", "branches", "branches/new",
        "branches/NORTH/MAIN/edit", "branches/NORTH/MAIN/delete", "institutions", "institutions/new", "institutions/NORTH/edit",
        "institutions/NORTH/delete", "groups/new", "groups/METRO/edit", "groups/METRO/delete", "messages", "messages?institution=SOUTH",
        "sessions", "audit",
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Every_screen_renders_for_an_administrator(string screen)
    {
        var response = await browser.GetAsync($"{Prefix}/{screen.Replace("{id}", id.ToString())}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{screen}: {response.StatusCode}\n{html}");
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("changes made here last only until the server restarts", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Prefix}/admin.css\"", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_stylesheet_comes_from_the_library()
    {
        var response = await browser.GetAsync($"{Prefix}/admin.css");
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(".field-error", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_post_without_the_anti_forgery_token_is_refused()
    {
        var response = await browser.PostAsync($"{Prefix}/registrations/{id}/deactivate", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("anti-forgery", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await host.Store.GetAsync(id))!.Activated);
    }

    [Fact]
    public async Task A_form_with_its_token_creates_and_a_refusal_shows_the_rule_next_to_the_field()
    {
        var form = await FormAsync("registrations/new");
        var refused = await PostAsync(form, "registrations/new", new() { ["ipAddress"] = "224.0.0.1", ["branch"] = "NORTH/MAIN", ["password"] = "typed-secret" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Matches(new Regex("id=\"ipAddress-error\"[^>]*><strong class=\"rule\">InvalidIPAddress</strong>"), html);
        Assert.Contains("value=\"224.0.0.1\"", html, StringComparison.Ordinal); // typed values come back ...
        Assert.DoesNotContain("typed-secret", html, StringComparison.Ordinal); // ... but never the password

        var created = await PostAsync(form, "registrations/new", new() { ["ipAddress"] = "127.0.0.41", ["branch"] = "SOUTH/CENTRAL", ["vendor"] = "Envisionware", ["encoding"] = "UTF-8", ["resolutionLevel"] = "WholeGroup", ["activated"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal($"{Prefix}/registrations?done=created", created.Headers.Location!.OriginalString);
        var stored = Assert.Single(await host.Store.ListByAddressAsync(IPAddress.Parse("127.0.0.41")));
        Assert.Equal(("SOUTH", "CENTRAL", "Envisionware", Encodings.Sip2CharacterEncoding.Utf8), (stored.InstitutionId, stored.BranchId, stored.Vendor, stored.Encoding));
        Assert.Equal("alice", (await host.Store.ListAuditAsync(1))[0].Actor);
    }

    [Fact]
    public async Task Changing_the_login_id_on_the_screen_resets_the_password()
    {
        await host.Store.SetPasswordAsync(id, Sip2PasswordHash.Create("pw", Sip2PasswordHash.MinimumIterations));
        var form = await FormAsync($"registrations/{id}/login");
        var response = await PostAsync(form, $"registrations/{id}/login", new() { ["loginId"] = "desk-" + Guid.NewGuid().ToString("N")[..6] });
        Assert.Equal($"{Prefix}/registrations?done=login-reset", response.Headers.Location!.OriginalString);
        var list = await browser.GetStringAsync(response.Headers.Location.OriginalString);
        Assert.Contains("The password was reset", list, StringComparison.Ordinal);
        Assert.Contains("no password", list, StringComparison.Ordinal);
        Assert.Null((await host.Store.GetAsync(id))!.PasswordHash);
    }

    [Fact]
    public async Task A_write_the_database_cannot_take_says_so_on_the_page()
    {
        var store = UnavailableStore.Wrap(new InMemorySip2RegistryStore(Sip2RegistryOptions.AllowLocalNetworks), out var control);
        control.Down = false;
        await using var down = await StartAsync(store: store);
        control.Down = true;
        using var client = down.Client();
        var form = await FormAsync("groups/new", client);
        var response = await PostAsync(form, "groups/new", new() { ["id"] = "NEW" }, client);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("The registry database cannot be reached. Nothing was changed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_SIP2_server_the_live_parts_say_they_are_not_available()
    {
        await using var bare = await StartAsync(withServer: false);
        using var client = bare.Client();
        Assert.Contains("Connected devices are not available", await client.GetStringAsync($"{Prefix}/sessions"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotImplemented, (await client.GetAsync($"{Prefix}/api/sessions")).StatusCode);
    }

    private async Task<(string Token, string Cookie)> FormAsync(string screen, HttpClient? client = null)
    {
        var response = await (client ?? browser).GetAsync($"{Prefix}/{screen}");
        var html = await response.Content.ReadAsStringAsync();
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var cookie = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        Assert.NotEmpty(token);
        return (token, cookie);
    }

    private async Task<HttpResponseMessage> PostAsync((string Token, string Cookie) form, string screen, Dictionary<string, string> fields, HttpClient? client = null)
    {
        fields["__RequestVerificationToken"] = form.Token;
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Prefix}/{screen}") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", form.Cookie);
        return await (client ?? browser).SendAsync(request);
    }
}
