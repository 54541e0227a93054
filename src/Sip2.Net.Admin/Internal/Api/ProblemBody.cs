namespace Sip2.Net.Admin.Internal.Api;

/// <summary>An RFC 7807 problem, with the registry rule and the JSON name of the field when a rule refused the request.</summary>
internal sealed record ProblemBody(string Type, string Title, int Status, string Detail, string? Rule, string? Field);
