using System;

namespace Sip2.Net.Messages;

/// <summary>Typed helpers over <see cref="Sip2Message"/>.</summary>
public static class Sip2MessageExtensions
{
    /// <summary>A copy with every value of <paramref name="id"/> replaced by <paramref name="values"/>; see <see cref="Sip2Message.WithFieldValues"/>.</summary>
    public static T WithField<T>(this T message, FieldId id, params string[] values)
        where T : Sip2Message => (T)(message ?? throw new ArgumentNullException(nameof(message))).WithFieldValues(id, values);
}
