using System.Net;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using Sip2.Net.Access;
using Sip2.Net.Client;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;
using Sip2.Net.Resolution;
using Sip2.Net.Server;
using Sip2.Net.Testing;

namespace MyLibrary.Tests;

// docs/testing.md shows this file; it runs with the tests of Sip2.Net.Testing.

/// <summary>The back end under test: it lends any item to any patron with a card number, for three weeks.</summary>
public sealed class LendingBackend : Sip2BackendBase
{
    // No patron or item records: the server's scope check has nothing to compare and lets every request through.
    public override ValueTask<string?> FindPatronInstitutionAsync(string patronIdentifier, Sip2RequestContext context) => new((string?)null);

    public override ValueTask<Sip2ItemOwner?> FindItemOwnerAsync(string itemIdentifier, Sip2RequestContext context) => new((Sip2ItemOwner?)null);

    public override ValueTask<CheckoutResponse> CheckoutAsync(CheckoutRequest request, Sip2RequestContext context)
    {
        var lent = request.PatronIdentifier.Length > 0;
        return new(new CheckoutResponse
        {
            Ok = lent,
            Desensitize = lent,
            TransactionDate = context.Now,
            InstitutionId = context.InstitutionId,
            PatronIdentifier = request.PatronIdentifier,
            ItemIdentifier = request.ItemIdentifier,
            TitleIdentifier = "",
            DueDate = lent ? Sip2Timestamp.Local(DateTime.Today.AddDays(21)).ToString() : "",
        });
    }
}

/// <summary>Properties of the back end, through a real server on 127.0.0.1, with any checkout a kiosk could send.</summary>
[Properties(Arbitrary = new[] { typeof(Sip2Arbitraries) }, MaxTest = 200)]
public sealed class LendingBackendProperties : IAsyncLifetime
{
    private ServiceProvider services = null!;
    private Sip2Client kiosk = null!;

    public async Task InitializeAsync()
    {
        // One institution with one branch; this machine's 127.0.0.1 registered without a login.
        var store = new InMemorySip2RegistryStore(Sip2RegistryOptions.AllowLocalNetworks);
        await store.SaveInstitutionAsync(new Sip2Institution { Id = "MAIN" });
        await store.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "MAIN", BranchId = "DESK" });
        await store.CreateAsync(new Sip2ClientRegistration { IPAddress = IPAddress.Loopback, InstitutionId = "MAIN", BranchId = "DESK" });

        services = new ServiceCollection()
            .AddSip2Server(o => o with { Endpoints = [new Sip2ListenEndpoint { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) }] })
            .AddBackend(new LendingBackend())
            .AddRegistryStore(store)
            .Services.BuildServiceProvider();
        var server = services.GetRequiredService<Sip2Server>();
        await server.StartAsync();

        kiosk = new Sip2Client(new Sip2ClientOptions { Host = "127.0.0.1", Port = server.BoundEndpoints[0].Port, InstitutionId = "MAIN" });
        await kiosk.ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        await kiosk.DisposeAsync();
        await services.GetRequiredService<Sip2Server>().StopAsync();
        await services.DisposeAsync();
    }

    // FsCheck makes the checkouts (every field, odd texts and dates included) and, on a failure, shrinks the one that
    // failed to the simplest checkout that still fails.
    [Property]
    public async Task<bool> Every_checkout_is_answered_for_its_own_patron_and_item(CheckoutRequest checkout)
    {
        var answer = await kiosk.SendAsync<CheckoutResponse>(checkout);
        return answer.PatronIdentifier == checkout.PatronIdentifier
            && answer.ItemIdentifier == checkout.ItemIdentifier
            && answer.Ok == (checkout.PatronIdentifier.Length > 0)
            && (answer.Ok ? Sip2Timestamp.TryParse(answer.DueDate.AsSpan(), out _) : answer.DueDate.Length == 0);
    }

    // Your own codec use: any message, in any encoding and error-detection mode, reads back from its bytes.
    [Property]
    public bool Every_frame_reads_back_as_its_message(Sip2Frame frame) =>
        Sip2MessageParser.Parse(frame.Content.Span, frame.Options).Message == frame.Message;
}
