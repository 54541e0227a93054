using System;
using Sip2.Net.Protocol;

namespace Sip2.Net.Client;

/// <summary>The ACS refused the login (Login Response with ok = 0).</summary>
public sealed class Sip2LoginRefusedException : Sip2Exception
{
    /// <summary>Creates the exception.</summary>
    public Sip2LoginRefusedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public Sip2LoginRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public Sip2LoginRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
