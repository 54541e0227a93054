using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace Sip2.Net.Access;

/// <summary>
/// Decides who may connect and who may log in. The server calls <see cref="AdmitAsync"/> once per connection
/// and <see cref="LoginAsync"/> for every Login (93). Bad input is never an exception: an unknown address, a
/// wrong or empty password, a throttled address or login id are all results. Implementations must be thread-safe.
/// </summary>
public interface ISip2AccessPolicy
{
    /// <summary>
    /// Admits a new connection from <paramref name="remoteAddress"/>: refused (close at once, process nothing),
    /// bound to a registration straight away, or waiting for a login.
    /// </summary>
    ValueTask<Sip2Admission> AdmitAsync(IPAddress remoteAddress, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks a Login (93) on an admitted session and, when it succeeds, binds or rebinds the session. The
    /// server answers <c>941</c> for <see cref="Sip2LoginOutcome.Accepted"/> and <c>940</c> otherwise, and closes
    /// the connection after answering a <see cref="Sip2LoginOutcome.TooManyFailures"/>.
    /// </summary>
    /// <param name="session">The session <see cref="AdmitAsync"/> returned.</param>
    /// <param name="loginId">The login user id (CN); null or empty when absent.</param>
    /// <param name="password">The login password (CO); null or empty when absent. Never logged.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    ValueTask<Sip2LoginResult> LoginAsync(Sip2AccessSession session, string? loginId, string? password, CancellationToken cancellationToken = default);
}
