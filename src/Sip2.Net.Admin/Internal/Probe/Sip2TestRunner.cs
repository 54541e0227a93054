using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Access;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;
using Sip2.Net.Server;

namespace Sip2.Net.Admin.Internal.Probe;

/// <summary>
/// The Test button: a Login (93, when the registration has a login id) and an SC Status (99) through the real server,
/// in-process. The connection runs over two pipes with the registration's address as the remote address, so it goes
/// through admission, login, the brute-force limits and the branch configuration exactly as a kiosk's would; it shows
/// among the connected devices while it runs, and a wrong password counts as a failed login.
/// </summary>
internal static class Sip2TestRunner
{
    public static async Task<TestExchange> RunAsync(Sip2ConnectionHandler handler, Sip2ClientRegistration registration, string? password, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var toServer = new Pipe();
        var toClient = new Pipe();
        var codec = new Sip2CodecOptions { Encoding = Sip2Encoding.Get(registration.Encoding) };
        var lines = new List<TestLine>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var server = handler.RunAsync(new Transport(toServer.Reader, toClient.Writer), registration.IPAddress, stop.Token);
        var conversation = new Conversation(toServer.Writer, toClient.Reader, codec, lines, timeout, time, cancellationToken);
        try
        {
            bool? loginAccepted = null;
            if (registration.LoginId is { } loginId)
            {
                var login = new LoginRequest { UidAlgorithm = '0', PwdAlgorithm = '0', LoginUserId = loginId, LoginPassword = password ?? "" };
                var answer = await conversation.ExchangeAsync(login, 0).ConfigureAwait(false);
                if (answer is null)
                {
                    return new(false, null, false, NotAdmitted(registration), lines);
                }

                loginAccepted = answer is LoginResponse { Ok: true };
                if (loginAccepted == false)
                {
                    return new(true, false, false, "The server refused the login (940): check the password. A refused test login counts towards the brute-force limits like a kiosk's.", lines);
                }
            }

            var status = await conversation.ExchangeAsync(new ScStatusRequest { StatusCode = ScStatusCode.Ok, MaxPrintWidth = 80, ProtocolVersion = "2.00" }, 1).ConfigureAwait(false);
            if (status is null)
            {
                return loginAccepted is null
                    ? new(false, null, false, NotAdmitted(registration), lines)
                    : new(true, loginAccepted, false, "The server closed the connection instead of answering the SC Status.", lines);
            }

            return status is AcsStatusResponse acs
                ? new(true, loginAccepted, true, $"Admitted{(loginAccepted == true ? ", logged in" : "")} and answered: on-line {(acs.OnlineStatus ? "yes" : "no")}, institution {acs.InstitutionId}.", lines)
                : new(true, loginAccepted, false, "The server answered the SC Status with something other than an ACS Status (98).", lines);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(lines.Count > 1, null, false, $"The server did not answer within {timeout.TotalSeconds:0} seconds.", lines);
        }
        finally
        {
            // The kiosk hangs up; the server then ends the connection on its own.
            await toServer.Writer.CompleteAsync().ConfigureAwait(false);
            stop.CancelAfter(timeout);
            await server.ConfigureAwait(false);
            await toClient.Reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private static string NotAdmitted(Sip2ClientRegistration registration) =>
        registration.Activated
            ? $"The server closed the connection without answering: {registration.IPAddress} was not admitted."
            : $"The server closed the connection without answering: the registration is deactivated, so {registration.IPAddress} is not admitted.";

    private sealed class Transport(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }

    private sealed class Conversation(PipeWriter output, PipeReader input, Sip2CodecOptions codec, List<TestLine> lines, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        /// <summary>Sends a request and reads the answer; null when the server closed the connection instead.</summary>
        public async Task<Sip2Message?> ExchangeAsync(Sip2Message request, int sequence)
        {
            var bytes = Sip2MessageWriter.ToBytes(request, codec, Sip2Trailer.WithChecksum(sequence));
            lines.Add(new(">", Sip2WireMask.Mask(codec.Encoding.GetString(bytes).TrimEnd('\r', '\n'))));
            await output.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);

            using var deadline = new CancellationTokenSource(timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
            while (true)
            {
                var read = await input.ReadAsync(linked.Token).ConfigureAwait(false);
                var buffer = read.Buffer;
                var status = Sip2FrameReader.TryReadFrame(ref buffer, Sip2FrameReader.DefaultMaxMessageLength, out var frame);
                if (status == Sip2FrameStatus.Frame)
                {
                    var frameBytes = frame.ToArray();
                    input.AdvanceTo(buffer.Start);
                    lines.Add(new("<", Sip2WireMask.Mask(codec.Encoding.GetString(frameBytes))));
                    return Sip2MessageParser.Parse(frameBytes, codec).Message;
                }

                if (read.IsCompleted || status == Sip2FrameStatus.TooLong)
                {
                    input.AdvanceTo(read.Buffer.End);
                    return null;
                }

                input.AdvanceTo(buffer.Start, read.Buffer.End);
            }
        }
    }
}
