using System.Net;
using System.Text.Json;
using Sip2.Net.Access;
using static Sip2.Net.Admin.Tests.AdminTestHost;

namespace Sip2.Net.Admin.Tests;

/// <summary>The JSON API: every operation, the shape of its answers, and that no password or hash ever comes back.</summary>
public sealed class ApiTests(AdminHostFixture fixture) : IClassFixture<AdminHostFixture>, IDisposable
{
    private readonly AdminTestHost host = fixture.Host;
    private readonly HttpClient api = fixture.Host.Client();

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task A_registration_goes_through_every_operation()
    {
        var created = await api.PostAsync($"{Prefix}/api/registrations", Json(new
        {
            ipAddress = "127.0.0.9", loginId = "kiosk", password = "first-secret", description = "Lobby", institutionId = "NORTH", branchId = "MAIN",
            vendor = "Bibliotheca", encoding = "UTF-8", resolutionLevel = "WholeGroup", activated = true,
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await ReadAsync(created);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"{Prefix}/api/registrations/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("127.0.0.9", body.GetProperty("ipAddress").GetString());
        Assert.Equal("UTF-8", body.GetProperty("encoding").GetString());
        Assert.Equal("WholeGroup", body.GetProperty("resolutionLevel").GetString());
        Assert.True(body.GetProperty("hasPassword").GetBoolean());
        Assert.Equal(0, body.GetProperty("liveSessions").GetInt32());
        Assert.False(body.TryGetProperty("password", out _));

        var got = await ReadAsync(await api.GetAsync($"{Prefix}/api/registrations/{id}"));
        Assert.Equal("kiosk", got.GetProperty("loginId").GetString());
        var listed = await ReadAsync(await api.GetAsync($"{Prefix}/api/registrations?institutionId=north&ipAddress=127.0.0.9"));
        Assert.Equal(id, Assert.Single(listed.EnumerateArray().ToArray()).GetProperty("id").GetGuid());
        Assert.Empty((await ReadAsync(await api.GetAsync($"{Prefix}/api/registrations?institutionId=SOUTH"))).EnumerateArray());

        var updated = await ReadAsync(await api.PutAsync($"{Prefix}/api/registrations/{id}", Json(new { description = "Upstairs", encoding = "IBM850", institutionId = "SOUTH", branchId = "CENTRAL" })));
        Assert.Equal("Upstairs", updated.GetProperty("description").GetString());
        Assert.Equal("IBM850", updated.GetProperty("encoding").GetString());
        Assert.Equal("SOUTH", updated.GetProperty("institutionId").GetString());
        Assert.Equal("Bibliotheca", updated.GetProperty("vendor").GetString()); // absent: kept

        Assert.False((await ReadAsync(await api.PostAsync($"{Prefix}/api/registrations/{id}/deactivate", null))).GetProperty("activated").GetBoolean());
        Assert.True((await ReadAsync(await api.PostAsync($"{Prefix}/api/registrations/{id}/activate", null))).GetProperty("activated").GetBoolean());

        var renamed = await ReadAsync(await api.PutAsync($"{Prefix}/api/registrations/{id}/login", Json(new { loginId = "kiosk-2" })));
        Assert.Equal("kiosk-2", renamed.GetProperty("loginId").GetString());
        Assert.False(renamed.GetProperty("hasPassword").GetBoolean()); // a new login id resets the password

        Assert.True((await ReadAsync(await api.PutAsync($"{Prefix}/api/registrations/{id}/password", Json(new { password = "second-secret" })))).GetProperty("hasPassword").GetBoolean());
        var withPassword = await ReadAsync(await api.PutAsync($"{Prefix}/api/registrations/{id}/login", Json(new { loginId = "kiosk-3", password = "third-secret" })));
        Assert.True(withPassword.GetProperty("hasPassword").GetBoolean());
        Assert.True((await host.Store.GetAsync(id))!.PasswordHash!.Verify("third-secret"));

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{Prefix}/api/registrations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"{Prefix}/api/registrations/{id}")).StatusCode);
    }

    [Fact]
    public async Task No_password_or_hash_is_ever_returned()
    {
        var created = await ReadAsync(await api.PostAsync($"{Prefix}/api/registrations", Json(new { ipAddress = "127.0.0.10", loginId = "k", password = "never-shown-pw", institutionId = "NORTH", branchId = "MAIN" })));
        var id = created.GetProperty("id").GetGuid();
        await api.PutAsync($"{Prefix}/api/registrations/{id}/password", Json(new { password = "also-never-shown" }));
        var stored = (await host.Store.GetAsync(id))!.PasswordHash!.ToStoredString();
        foreach (var path in new[] { "registrations", $"registrations/{id}", "audit", "sessions", "status" })
        {
            var text = await api.GetStringAsync($"{Prefix}/api/{path}");
            Assert.DoesNotContain("never-shown", text, StringComparison.Ordinal);
            Assert.DoesNotContain(stored.Split('$')[3], text, StringComparison.Ordinal);
            Assert.DoesNotContain("pbkdf2", text, StringComparison.OrdinalIgnoreCase);
        }

        var page = await api.GetStringAsync($"{Prefix}/registrations");
        Assert.DoesNotContain("pbkdf2", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(stored.Split('$')[3], page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Branches_institutions_and_groups_are_created_changed_and_deleted()
    {
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync($"{Prefix}/api/groups", Json(new { id = "COAST", name = "Coast" }))).StatusCode);
        Assert.Equal("Coast libraries", (await ReadAsync(await api.PutAsync($"{Prefix}/api/groups/COAST", Json(new { name = "Coast libraries" })))).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync($"{Prefix}/api/institutions", Json(new { id = "BAY", name = "Bay", groupId = "COAST" }))).StatusCode);
        Assert.Equal("COAST", (await ReadAsync(await api.GetAsync($"{Prefix}/api/institutions/bay"))).GetProperty("groupId").GetString());
        Assert.Equal("Bay City", (await ReadAsync(await api.PutAsync($"{Prefix}/api/institutions/BAY", Json(new { name = "Bay City" })))).GetProperty("name").GetString());

        var branch = await api.PostAsync($"{Prefix}/api/branches", Json(new { institutionId = "BAY", branchId = "PIER", timeoutSeconds = 20, supportedMessages = new[] { "Login", "ScAcsStatus", "RequestScAcsResend", "Checkin" }, useSortBin = true }));
        Assert.Equal(HttpStatusCode.Created, branch.StatusCode);
        Assert.Equal($"{Prefix}/api/branches/BAY/PIER", branch.Headers.Location!.OriginalString);
        var view = await ReadAsync(await api.GetAsync($"{Prefix}/api/branches/BAY/PIER"));
        Assert.Equal(["Checkin", "ScAcsStatus", "RequestScAcsResend", "Login"], view.GetProperty("supportedMessages").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.True(view.GetProperty("useSortBin").GetBoolean());
        var changed = await ReadAsync(await api.PutAsync($"{Prefix}/api/branches/BAY/PIER", Json(new { libraryName = "Pier Library", retriesAllowed = 5 })));
        Assert.Equal("Pier Library", changed.GetProperty("libraryName").GetString());
        Assert.Equal(20, changed.GetProperty("timeoutSeconds").GetInt32()); // kept
        Assert.Contains((await ReadAsync(await api.GetAsync($"{Prefix}/api/branches"))).EnumerateArray(), b => b.GetProperty("branchId").GetString() == "PIER");

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{Prefix}/api/branches/BAY/PIER")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{Prefix}/api/institutions/BAY")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{Prefix}/api/groups/COAST")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"{Prefix}/api/groups/COAST")).StatusCode);
        Assert.DoesNotContain((await ReadAsync(await api.GetAsync($"{Prefix}/api/institutions"))).EnumerateArray(), i => i.GetProperty("id").GetString() == "BAY");
    }

    [Fact]
    public async Task Custom_messages_are_listed_set_and_cleared()
    {
        var all = (await ReadAsync(await api.GetAsync($"{Prefix}/api/messages/NORTH"))).EnumerateArray().ToArray();
        Assert.Equal(Resolution.Sip2MessageCatalog.Scenarios.Count, all.Length);
        var notFound = all.Single(m => m.GetProperty("scenario").GetString() == "PatronNotFound");
        Assert.False(notFound.GetProperty("customised").GetBoolean());
        Assert.Equal(Resolution.Sip2MessageCatalog.GetDefaultText(Resolution.Sip2MessageScenario.PatronNotFound), notFound.GetProperty("text").GetString());

        var set = await ReadAsync(await api.PutAsync($"{Prefix}/api/messages/NORTH/PatronNotFound", Json(new { text = "Ask at the desk." })));
        Assert.True(set.GetProperty("customised").GetBoolean());
        Assert.Equal("Ask at the desk.", host.Store.GetText(Resolution.Sip2MessageScenario.PatronNotFound, "NORTH"));
        Assert.Equal("Ask at the desk.", (await ReadAsync(await api.GetAsync($"{Prefix}/api/messages/north/patronnotfound"))).GetProperty("customText").GetString());

        var cleared = await ReadAsync(await api.DeleteAsync($"{Prefix}/api/messages/NORTH/PatronNotFound"));
        Assert.False(cleared.GetProperty("customised").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"{Prefix}/api/messages/NORTH/NoSuchScenario")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"{Prefix}/api/messages/NOWHERE")).StatusCode);
    }

    [Fact]
    public async Task The_audit_trail_pages_back_and_names_the_administrator()
    {
        for (var i = 0; i < 3; i++)
        {
            await api.PostAsync($"{Prefix}/api/groups", Json(new { id = $"G{i}" }));
        }

        var first = await ReadAsync(await api.GetAsync($"{Prefix}/api/audit?limit=2"));
        var entries = first.GetProperty("entries").EnumerateArray().ToArray();
        Assert.Equal(2, entries.Length);
        Assert.Equal("alice", entries[0].GetProperty("actor").GetString());
        Assert.Equal("GroupSaved", entries[0].GetProperty("action").GetString());
        Assert.Equal("G2", entries[0].GetProperty("subject").GetString());
        var next = first.GetProperty("next").GetInt64();
        var older = (await ReadAsync(await api.GetAsync($"{Prefix}/api/audit?limit=2&before={next}"))).GetProperty("entries").EnumerateArray().ToArray();
        Assert.All(older, e => Assert.True(e.GetProperty("sequence").GetInt64() < next));
        Assert.Equal("G0", older[0].GetProperty("subject").GetString());
    }

    [Fact]
    public async Task Sessions_are_listed_and_an_unknown_one_cannot_be_ended()
    {
        Assert.Equal(System.Text.Json.JsonValueKind.Array, (await ReadAsync(await api.GetAsync($"{Prefix}/api/sessions"))).ValueKind);
        var problem = await ReadAsync(await api.DeleteAsync($"{Prefix}/api/sessions/999"));
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_test_operation_runs_a_login_and_a_status_through_the_server()
    {
        var id = (await ReadAsync(await api.PostAsync($"{Prefix}/api/registrations", Json(new { ipAddress = "127.0.0.11", loginId = "tester", password = "test-pass", institutionId = "NORTH", branchId = "MAIN" })))).GetProperty("id").GetGuid();

        var passed = await ReadAsync(await api.PostAsync($"{Prefix}/api/registrations/{id}/test", Json(new { password = "test-pass" })));
        Assert.True(passed.GetProperty("succeeded").GetBoolean(), passed.ToString());
        var exchange = passed.GetProperty("exchange").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.StartsWith("> 9300CNtester|CO***|", exchange[0], StringComparison.Ordinal);
        Assert.StartsWith("< 941", exchange[1], StringComparison.Ordinal);
        Assert.StartsWith("< 98", exchange[3], StringComparison.Ordinal);
        Assert.DoesNotContain("test-pass", passed.ToString(), StringComparison.Ordinal);

        var refused = await ReadAsync(await api.PostAsync($"{Prefix}/api/registrations/{id}/test", Json(new { password = "wrong" })));
        Assert.False(refused.GetProperty("loginAccepted").GetBoolean());
    }

    [Fact]
    public async Task Status_says_the_store_is_not_durable_and_sessions_are_available()
    {
        var status = await ReadAsync(await api.GetAsync($"{Prefix}/api/status"));
        Assert.False(status.GetProperty("isDurable").GetBoolean());
        Assert.True(status.GetProperty("liveSessionsAvailable").GetBoolean());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_routes()
    {
        var document = await ReadAsync(await api.GetAsync($"{Prefix}/openapi/sip2-admin.json"));
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains($"{Prefix}/api/registrations", paths);
        Assert.Contains($"{Prefix}/api/registrations/{{id}}/login", paths);
        Assert.Contains($"{Prefix}/api/branches/{{institutionId}}/{{branchId}}", paths);
        Assert.DoesNotContain(paths, p => p.EndsWith("/edit", StringComparison.Ordinal)); // the screens are not API
    }
}
