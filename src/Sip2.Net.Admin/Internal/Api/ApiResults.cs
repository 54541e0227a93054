using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Sip2.Net.Access;
using Sip2.Net.Admin.Internal.Model;

namespace Sip2.Net.Admin.Internal.Api;

/// <summary>JSON in and out for the API: bodies read without throwing, refusals as problem details.</summary>
internal static class ApiResults
{
    public const string ProblemContentType = "application/problem+json";

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        AllowTrailingCommas = false,
    };

    public static IResult Ok<T>(T value) => Results.Json(value, Json);

    public static IResult Created<T>(string location, T value) =>
        new CreatedAt(location, Results.Json(value, Json, statusCode: StatusCodes.Status201Created));

    /// <summary>A refusal by a registry rule: 404 for a missing record, 409 for a clash with other records, 400 otherwise.</summary>
    public static IResult Refused(Sip2RegistryError error)
    {
        var status = error.Rule switch
        {
            Sip2RegistryRule.NotFound => StatusCodes.Status404NotFound,
            Sip2RegistryRule.SharedAddressRequiresCredentials or Sip2RegistryRule.LoginIdUniquePerAddress or Sip2RegistryRule.LoginIdRemovalBreaksSharing
                or Sip2RegistryRule.DuplicateId or Sip2RegistryRule.StillReferenced => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return Problem(status, "urn:sip2-net:registry-rule:" + error.Rule, Title(status), error.Message, error.Rule.ToString(), AdminValues.FieldName(error.Field));
    }

    public static IResult NotFound(string field, string message) => Refused(new Sip2RegistryError(Sip2RegistryRule.NotFound, field, message));

    public static IResult Unavailable() =>
        Problem(StatusCodes.Status503ServiceUnavailable, "urn:sip2-net:store-unavailable", "Registry store unavailable",
            "The registry database cannot be reached; nothing was changed. Try again later.", null, null);

    public static IResult NoServer() =>
        Problem(StatusCodes.Status501NotImplemented, "urn:sip2-net:no-server", "No SIP2 server here",
            "Live sessions are not available: this application runs no SIP2 server.", null, null);

    public static IResult CrossSite() =>
        Problem(StatusCodes.Status403Forbidden, "urn:sip2-net:cross-site", "Cross-site request refused",
            "A change through the API must not come from another site's page.", null, null);

    public static IResult Problem(int status, string type, string title, string detail, string? rule, string? field) =>
        Results.Json(new ProblemBody(type, title, status, detail, rule, field), Json, ProblemContentType, status);

    /// <summary>Reads a JSON body; a malformed one, or one that is not JSON, is a problem naming the offending field.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "urn:sip2-net:registry-rule:InvalidValue", Title(415),
                "Send the body as JSON (Content-Type: application/json).", nameof(Sip2RegistryRule.InvalidValue), "body"));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Json, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return value is null
                ? (null, Refused(AdminValues.Invalid("body", "The body is empty; send a JSON object.")))
                : (value, null);
        }
        catch (JsonException e)
        {
            // The path ($.timeoutSeconds) names the field; the message says what was wrong without echoing the value.
            var field = e.Path is { Length: > 2 } path ? path.Substring(2) : "body";
            return (null, Refused(AdminValues.Invalid(field, $"The JSON is malformed or has a value of the wrong type at {e.Path ?? "the start"} (line {e.LineNumber + 1}).")));
        }
    }

    /// <summary>Runs a write; the store's database being unreachable becomes 503 (nothing changed).</summary>
    public static async Task<IResult> WriteAsync(Func<Task<IResult>> write)
    {
        try
        {
            return await write().ConfigureAwait(false);
        }
        catch (Sip2RegistryStoreUnavailableException)
        {
            return Unavailable();
        }
    }

    private static string Title(int status) => status switch
    {
        400 => "Refused by a registry rule",
        404 => "Not found",
        409 => "Conflicts with another record",
        415 => "Unsupported media type",
        _ => "Refused",
    };

    private sealed class CreatedAt(string location, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
