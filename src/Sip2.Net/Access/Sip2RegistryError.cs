using System;

namespace Sip2.Net.Access;

/// <summary>Why a registry operation was refused: the rule, the field, and a message for administrators. Never contains a password.</summary>
public sealed record Sip2RegistryError
{
    /// <summary>Creates an error.</summary>
    public Sip2RegistryError(Sip2RegistryRule rule, string field, string message)
    {
        Rule = rule;
        Field = field ?? throw new ArgumentNullException(nameof(field));
        Message = message ?? throw new ArgumentNullException(nameof(message));
    }

    /// <summary>The rule the operation would have broken.</summary>
    public Sip2RegistryRule Rule { get; }

    /// <summary>The name of the offending field, as the <see cref="Sip2ClientRegistration"/> property (for example <c>LoginId</c>).</summary>
    public string Field { get; }

    /// <summary>A sentence for administrators.</summary>
    public string Message { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Rule} ({Field}): {Message}";
}
