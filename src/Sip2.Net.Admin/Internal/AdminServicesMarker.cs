namespace Sip2.Net.Admin.Internal;

/// <summary>Registered by AddSip2Admin, so MapSip2Admin can tell the host it forgot the call.</summary>
internal sealed class AdminServicesMarker;
