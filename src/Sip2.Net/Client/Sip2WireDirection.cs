namespace Sip2.Net.Client;

/// <summary>Which way a message went, for <see cref="Sip2ClientOptions.WireObserver"/>.</summary>
public enum Sip2WireDirection
{
    /// <summary>From the client to the ACS.</summary>
    Sent = 0,
    /// <summary>From the ACS to the client.</summary>
    Received = 1,
}
