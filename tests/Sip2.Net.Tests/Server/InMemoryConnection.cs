using System.IO.Pipelines;
using Microsoft.Extensions.Logging;
using Sip2.Net.Access;
using Sip2.Net.Server;
using Sip2.Net.Tests.Access;

namespace Sip2.Net.Tests.Server;

/// <summary>A connection handler for <see cref="AccessFixture.Kiosk"/> (no login needed), driven over in-memory transports.</summary>
internal static class InMemoryConnection
{
    public static async Task<Sip2ConnectionHandler> HandlerAsync(TimeProvider time, Sip2ServerOptions options, ISip2Backend? backend = null, ILoggerFactory? loggerFactory = null)
    {
        var directory = AccessFixture.Directory();
        var registry = directory;
        await AccessFixture.CreateAsync(registry, AccessFixture.Registration(AccessFixture.Kiosk));
        return new Sip2ConnectionHandler(
            new Sip2RegistryAccessPolicy(registry, directory), backend ?? new StatusOnlyBackend(), options, timeProvider: time, loggerFactory: loggerFactory);
    }

    /// <summary>A transport from a reader and a writer.</summary>
    public sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }

    // For tests that only send status requests, which never reach a back end.
    private sealed class StatusOnlyBackend : Sip2BackendBase
    {
        public override ValueTask<string?> FindPatronInstitutionAsync(string patronIdentifier, Sip2RequestContext context) => new(context.InstitutionId);

        public override ValueTask<Sip2ItemOwner?> FindItemOwnerAsync(string itemIdentifier, Sip2RequestContext context) => new(new Sip2ItemOwner(context.InstitutionId));
    }
}
