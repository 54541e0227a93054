using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sip2.Net.Diagnostics;
using Sip2.Net.Encodings;

namespace Sip2.Net.IntegrationTests.Telemetry;

/// <summary>
/// Whatever a kiosk puts in its messages (login id and password, patron and item identifiers, PIN, terminal
/// password), no span attribute, name or status repeats it. One server for every case.
/// </summary>
[Collection(SpanGroup.Name)]
public sealed class SpanSecretProperties : IDisposable
{
    private readonly TestServer server = TestServer.StartAsync().GetAwaiter().GetResult();
    private readonly SpanRecorder recorder = new();

    public void Dispose()
    {
        recorder.Dispose();
        server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Property(MaxTest = 40)]
    public Property No_span_ever_carries_a_password_a_pin_or_a_patron_or_item_identifier_of_the_request()
    {
        // Ten characters or more from a field-safe alphabet: long enough never to occur by chance in an institution,
        // a branch, an address, a registration id or a command code.
        var value =
            from length in Gen.Choose(10, 18)
            from chars in Gen.ArrayOf(Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789-".ToCharArray()), length)
            select new string(chars);
        var fields = Gen.ArrayOf(value, 6);

        return Prop.ForAll(fields.ToArbitrary(), values =>
        {
            var (loginId, password, patron, item, pin, terminal) = (values[0], values[1], values[2], values[3], values[4], values[5]);
            recorder.Stopped.Clear();
            Converse(
                $"9300CN{loginId}|CO{password}|",
                $"23001{"20240417    083058"}AOalpha|AA{patron}|AC{terminal}|AD{pin}|",
                $"6300120240417    083058Y         AOalpha|AA{patron}|AC{terminal}|AD{pin}|",
                $"11YN20240417    083058                  AOalpha|AA{patron}|AB{item}|AC{terminal}|AD{pin}|",
                $"17{"20240417    083058"}AOalpha|AB{item}|AC{terminal}|").GetAwaiter().GetResult();

            Assert.Equal(5, recorder.Stopped.Count);
            foreach (var text in recorder.Stopped.SelectMany(SpanRecorder.Texts))
            {
                foreach (var secret in values)
                {
                    Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
                }
            }

            Assert.All(recorder.Stopped, s => Assert.NotNull(s.GetTagItem(Sip2Telemetry.OutcomeTag)));
        });
    }

    // From the address registered without login, so a refused login (and its throttling) leaves the session bound.
    private async Task Converse(params string[] messages)
    {
        using var kiosk = await server.RawAsync("127.0.0.2", Sip2Encoding.Utf8);
        foreach (var message in messages)
        {
            await kiosk.SendAsync(message + "\r");
            await kiosk.ReceiveAsync();
        }
    }
}
