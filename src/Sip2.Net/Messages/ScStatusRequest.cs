namespace Sip2.Net.Messages;

/// <summary>SC Status (99): the SC reports its state and asks for the ACS's; also sent as a keep-alive.</summary>
/// <remarks>Wire layout: <c>99</c> + status code (1) + max print width (3) + protocol version (4) + variable fields.</remarks>
public sealed record ScStatusRequest() : Sip2Request<AcsStatusResponse>(Sip2Command.ScStatus)
{
    /// <summary>Status code (fixed, 1 character).</summary>
    public ScStatusCode? StatusCode { get => (ScStatusCode?)GetFixedNumber(0); init => SetFixedNumber(0, (int?)value); }

    /// <summary>Max print width (fixed, 3 characters): characters per print line.</summary>
    public int? MaxPrintWidth { get => GetFixedNumber(1); init => SetFixedNumber(1, value); }

    /// <summary>Protocol version (fixed, 4 characters): x.xx, such as 2.00.</summary>
    public string ProtocolVersion { get => GetFixed(2); init => SetFixed(2, value); }
}
