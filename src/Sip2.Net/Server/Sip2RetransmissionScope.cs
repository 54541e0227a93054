namespace Sip2.Net.Server;

/// <summary>Where the server looks for the request a retransmission repeats (see <see cref="Sip2ServerOptions.RetransmissionScope"/>).</summary>
public enum Sip2RetransmissionScope
{
    /// <summary>Never: every request runs, even a byte-identical resend.</summary>
    Off = 0,
    /// <summary>The last request of the same connection only.</summary>
    Connection = 1,
    /// <summary>The last request of the same connection, and, for a kiosk that resends after reconnecting, the last request of every other connection of the same registration.</summary>
    Registration = 2,
}
