using System;

namespace Sip2.Net.Access;

/// <summary>A refused registry operation, for callers that use <see cref="Sip2RegistryResult.GetValueOrThrow"/>.</summary>
public sealed class Sip2RegistryException : Exception
{
    /// <summary>Creates the exception for <paramref name="error"/>.</summary>
    public Sip2RegistryException(Sip2RegistryError error)
        : base((error ?? throw new ArgumentNullException(nameof(error))).ToString())
    {
        Error = error;
    }

    /// <summary>Creates the exception with a message only (for serialisers and tests).</summary>
    public Sip2RegistryException()
        : this(new Sip2RegistryError(Sip2RegistryRule.InvalidValue, "", "The registry refused the operation."))
    {
    }

    /// <summary>Creates the exception with a message (rule <see cref="Sip2RegistryRule.InvalidValue"/>).</summary>
    public Sip2RegistryException(string message)
        : this(new Sip2RegistryError(Sip2RegistryRule.InvalidValue, "", message ?? ""))
    {
    }

    /// <summary>Creates the exception with a message and an inner exception (rule <see cref="Sip2RegistryRule.InvalidValue"/>).</summary>
    public Sip2RegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = new Sip2RegistryError(Sip2RegistryRule.InvalidValue, "", message ?? "");
    }

    /// <summary>The refusal.</summary>
    public Sip2RegistryError Error { get; }
}
