using System;

namespace Sip2.Net.Access;

/// <summary>
/// A write to an <see cref="ISip2RegistryStore"/> could not be made because the store's database cannot be reached.
/// Nothing was changed; the caller may try again later. Reads keep answering from the store's last snapshot meanwhile.
/// The message never carries a connection string or a password.
/// </summary>
public sealed class Sip2RegistryStoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public Sip2RegistryStoreUnavailableException()
        : this("The registry store's database cannot be reached; nothing was changed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public Sip2RegistryStoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the database's own exception.</summary>
    public Sip2RegistryStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
