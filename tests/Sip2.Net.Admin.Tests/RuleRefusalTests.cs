using System.Net;
using Sip2.Net.Access;
using static Sip2.Net.Admin.Tests.AdminTestHost;

namespace Sip2.Net.Admin.Tests;

/// <summary>Every registry rule's refusal comes back as RFC 7807 problem details naming the rule and the field, and changes nothing.</summary>
public sealed class RuleRefusalTests(RuleRefusalTests.Registrations fixture) : IClassFixture<RuleRefusalTests.Registrations>, IDisposable
{
    private readonly AdminTestHost host = fixture.Host;
    private readonly HttpClient api = fixture.Host.Client();
    private readonly Guid shared = fixture.Shared;
    private readonly Guid alone = fixture.Alone;

    public void Dispose() => api.Dispose();

    public static TheoryData<string, string, string, string?, int, string, string> Cases => new()
    {
        { "rule 1", "POST", "api/registrations", """{"ipAddress":"127.0.0.20","institutionId":"NORTH","branchId":"MAIN"}""", 409, "SharedAddressRequiresCredentials", "loginId" },
        { "rule 2", "POST", "api/registrations", """{"ipAddress":"127.0.0.20","loginId":"A","password":"x","institutionId":"NORTH","branchId":"MAIN"}""", 409, "LoginIdUniquePerAddress", "loginId" },
        { "rule 3", "PUT", "api/registrations/{shared}/login", """{"loginId":""}""", 409, "LoginIdRemovalBreaksSharing", "loginId" },
        { "address immutable", "PUT", "api/registrations/{alone}", """{"ipAddress":"127.0.0.99"}""", 400, "IPAddressImmutable", "ipAddress" },
        { "unspecified address", "POST", "api/registrations", """{"ipAddress":"0.0.0.0","institutionId":"NORTH","branchId":"MAIN"}""", 400, "InvalidIPAddress", "ipAddress" },
        { "not an address", "POST", "api/registrations", """{"ipAddress":"kiosk.local","institutionId":"NORTH","branchId":"MAIN"}""", 400, "InvalidIPAddress", "ipAddress" },
        { "no configuration", "POST", "api/registrations", """{"ipAddress":"127.0.0.30","institutionId":"NORTH","branchId":"NOPE"}""", 400, "BranchWithoutConfiguration", "branchId" },
        { "password without login", "POST", "api/registrations", """{"ipAddress":"127.0.0.31","password":"x","institutionId":"NORTH","branchId":"MAIN"}""", 400, "PasswordRequiresLoginId", "password" },
        { "unknown vendor", "POST", "api/registrations", """{"ipAddress":"127.0.0.32","vendor":"Acme","institutionId":"NORTH","branchId":"MAIN"}""", 400, "UnknownVendor", "vendor" },
        { "unknown encoding", "POST", "api/registrations", """{"ipAddress":"127.0.0.33","encoding":"latin1","institutionId":"NORTH","branchId":"MAIN"}""", 400, "InvalidValue", "encoding" },
        { "malformed json", "POST", "api/registrations", """{"ipAddress":"127.0.0.34","activated":"maybe"}""", 400, "InvalidValue", "activated" },
        { "empty password", "PUT", "api/registrations/{shared}/password", """{"password":""}""", 400, "InvalidValue", "password" },
        { "bad timeout", "PUT", "api/branches/NORTH/MAIN", """{"timeoutSeconds":-5}""", 400, "InvalidValue", "timeoutSeconds" },
        { "unknown message", "PUT", "api/branches/NORTH/MAIN", """{"supportedMessages":["Teleport"]}""", 400, "InvalidValue", "supportedMessages" },
        { "bad message text", "PUT", "api/messages/NORTH/PatronNotFound", """{"text":"a|b"}""", 400, "InvalidValue", "text" },
        { "missing registration", "GET", "api/registrations/{missing}", null, 404, "NotFound", "id" },
        { "missing branch", "DELETE", "api/branches/NORTH/NOPE", null, 404, "NotFound", "branchId" },
        { "duplicate group", "POST", "api/groups", """{"id":"metro"}""", 409, "DuplicateId", "id" },
        { "duplicate branch", "POST", "api/branches", """{"institutionId":"NORTH","branchId":"MAIN"}""", 409, "DuplicateId", "branchId" },
        { "activation by update", "PUT", "api/registrations/{alone}", """{"activated":false}""", 400, "DedicatedOperationRequired", "activated" },
        { "password by update", "PUT", "api/registrations/{shared}", """{"password":"x"}""", 400, "DedicatedOperationRequired", "password" },
        { "unknown group", "POST", "api/institutions", """{"id":"EAST","groupId":"NOPE"}""", 400, "UnknownGroup", "groupId" },
        { "unknown institution", "POST", "api/branches", """{"institutionId":"NOPE","branchId":"X"}""", 400, "UnknownInstitution", "institutionId" },
        { "group in use", "DELETE", "api/groups/METRO", null, 409, "StillReferenced", "id" },
        { "branch in use", "DELETE", "api/branches/NORTH/MAIN", null, 409, "StillReferenced", "branchId" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_refusal_is_a_problem_naming_rule_and_field(string why, string method, string path, string? body, int status, string rule, string field)
    {
        var before = host.Store is InMemorySip2RegistryStore memory ? memory.Snapshot : null;
        var request = new HttpRequestMessage(new HttpMethod(method), $"{Prefix}/{path.Replace("{shared}", shared.ToString()).Replace("{alone}", alone.ToString()).Replace("{missing}", Guid.NewGuid().ToString())}");
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        var response = await api.SendAsync(request);
        Assert.True(status == (int)response.StatusCode, $"{why}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await ReadAsync(response);
        Assert.Equal(rule, problem.GetProperty("rule").GetString());
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Equal("urn:sip2-net:registry-rule:" + rule, problem.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.Same(before, (host.Store as InMemorySip2RegistryStore)?.Snapshot); // refused: nothing changed
    }

    [Fact]
    public void Every_rule_has_a_refusal_case()
    {
        var covered = Cases.Select(c => (string)c[5]).ToHashSet();
        covered.Add(nameof(Sip2RegistryRule.IPAddressNotAllowed)); // below: needs a registry that refuses local networks
        Assert.Empty(Enum.GetNames<Sip2RegistryRule>().Except(covered));
    }

    [Fact]
    public async Task A_hosted_registry_refuses_private_addresses()
    {
        await using var hosted = await StartAsync(store: new InMemorySip2RegistryStore());
        using var client = hosted.Client();
        var problem = await ReadAsync(await client.PostAsync($"{Prefix}/api/registrations", Json(new { ipAddress = "10.1.2.3", institutionId = "NORTH", branchId = "MAIN" })));
        Assert.Equal("IPAddressNotAllowed", problem.GetProperty("rule").GetString());
        Assert.Equal("ipAddress", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_store_that_cannot_be_reached_answers_503_and_changes_nothing()
    {
        var inner = new InMemorySip2RegistryStore(Sip2RegistryOptions.AllowLocalNetworks);
        var store = UnavailableStore.Wrap(inner, out var control);
        control.Down = false;
        await using var down = await StartAsync(store: store);
        control.Down = true;
        using var client = down.Client();
        var response = await client.PostAsync($"{Prefix}/api/groups", Json(new { id = "NEW" }));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("cannot be reached", (await ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Prefix}/api/groups")).StatusCode); // reads still answer
        Assert.DoesNotContain(await inner.ListGroupsAsync(), g => g.Id == "NEW");
    }

    /// <summary>Two registrations sharing 127.0.0.20 (with credentials) and one alone on 127.0.0.21.</summary>
    public sealed class Registrations : AdminHostFixture
    {
        public Guid Shared { get; private set; }

        public Guid Alone { get; private set; }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            using var api = Host.Client();
            Shared = await CreateAsync(api, new { ipAddress = "127.0.0.20", loginId = "a", password = "pw-a", institutionId = "NORTH", branchId = "MAIN" });
            await CreateAsync(api, new { ipAddress = "127.0.0.20", loginId = "b", password = "pw-b", institutionId = "SOUTH", branchId = "CENTRAL" });
            Alone = await CreateAsync(api, new { ipAddress = "127.0.0.21", institutionId = "NORTH", branchId = "MAIN" });
        }

        private static async Task<Guid> CreateAsync(HttpClient api, object registration)
        {
            var response = await api.PostAsync($"{Prefix}/api/registrations", Json(registration));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await ReadAsync(response)).GetProperty("id").GetGuid();
        }
    }
}
