using System;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Client;

/// <summary>The ACS answered, but not with a usable response. The message never contains field values.</summary>
public sealed class Sip2ProtocolException : Sip2Exception
{
    /// <summary>Creates the exception.</summary>
    public Sip2ProtocolException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public Sip2ProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public Sip2ProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with its details.</summary>
    public Sip2ProtocolException(Sip2ProtocolFailure failure, string message, Sip2Command? responseCommand = null, Sip2ParseError? parseError = null)
        : base(message)
    {
        Failure = failure;
        ResponseCommand = responseCommand;
        ParseError = parseError;
    }

    /// <summary>What went wrong.</summary>
    public Sip2ProtocolFailure Failure { get; }

    /// <summary>The command code of the offending response, when it had one.</summary>
    public Sip2Command? ResponseCommand { get; }

    /// <summary>Why the response could not be read, for <see cref="Sip2ProtocolFailure.UnparseableResponse"/>.</summary>
    public Sip2ParseError? ParseError { get; }
}
