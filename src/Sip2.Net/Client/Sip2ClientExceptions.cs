using System;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Client;

/// <summary>The connection could not be opened (refused, name not found, TLS failure) or was lost.</summary>
public sealed class Sip2ConnectionException : Sip2Exception
{
    /// <summary>Creates the exception.</summary>
    public Sip2ConnectionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public Sip2ConnectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public Sip2ConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Connecting, or waiting for a response, took longer than the configured timeout. The connection is closed.</summary>
public sealed class Sip2TimeoutException : Sip2Exception
{
    /// <summary>Creates the exception.</summary>
    public Sip2TimeoutException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public Sip2TimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public Sip2TimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Why an exchange failed at the protocol level.</summary>
public enum Sip2ProtocolFailure
{
    /// <summary>Not further described.</summary>
    Unknown = 0,
    /// <summary>The retry budget was spent on corrupted responses (97) or resend requests (96).</summary>
    RetryBudgetExhausted = 1,
    /// <summary>The response could not be read; see <see cref="Sip2ProtocolException.ParseError"/>.</summary>
    UnparseableResponse = 2,
    /// <summary>The response is not the one the request calls for.</summary>
    UnexpectedResponse = 3,
    /// <summary>The response is longer than the configured maximum; the connection was closed.</summary>
    ResponseTooLong = 4,
}

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
