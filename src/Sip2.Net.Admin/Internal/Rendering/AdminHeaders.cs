using Microsoft.AspNetCore.Http;

namespace Sip2.Net.Admin.Internal.Rendering;

/// <summary>Headers every admin page carries: no caching of registry data, no framing, no script, no outside assets.</summary>
internal static class AdminHeaders
{
    public static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    }
}
