using System.Collections.Generic;

namespace Sip2.Net.Admin.Internal.Probe;

/// <summary>What the Test button found: whether the server admitted the address, accepted the login and answered the status.</summary>
internal sealed record TestExchange(bool Admitted, bool? LoginAccepted, bool StatusAnswered, string Summary, IReadOnlyList<TestLine> Lines)
{
    public bool Succeeded => Admitted && LoginAccepted != false && StatusAnswered;
}
