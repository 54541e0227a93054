using System;
using System.Buffers;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sip2.Net.Client.Internal;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Client;

// One exchange on the wire: encoding a raw message, writing, reading frames, the 97/96 retries, the wire observer.
public sealed partial class Sip2Client
{
    private byte[] EncodeRaw(string text, int? sequenceNumber)
    {
        var encoding = Options.Encoding;
        var body = encoding.GetBytes(text);
        var terminator = Options.Terminator == Sip2Terminator.CrLf ? 2 : 1;
        var trailer = sequenceNumber is null ? 0 : 9;
        var bytes = new byte[body.Length + trailer + terminator];
        body.CopyTo(bytes, 0);
        if (sequenceNumber is { } n)
        {
            var at = body.Length;
            bytes[at] = (byte)'A';
            bytes[at + 1] = (byte)'Y';
            bytes[at + 2] = (byte)('0' + n);
            bytes[at + 3] = (byte)'A';
            bytes[at + 4] = (byte)'Z';
            Sip2Checksum.WriteHex(Sip2Checksum.Compute(bytes.AsSpan(0, at + 5)), bytes.AsSpan(at + 5, 4));
        }

        bytes[bytes.Length - terminator] = (byte)'\r';
        if (terminator == 2)
        {
            bytes[bytes.Length - 1] = (byte)'\n';
        }

        return bytes;
    }

    /// <summary>
    /// One request and its response, under the gate: encode with the next sequence number, send, then read
    /// until a usable response arrives. A response that fails its checksum gets a 97 (the ACS sends it again);
    /// a 96 gets the same bytes again, same sequence number included. Both spend the retry budget.
    /// </summary>
    private async Task<(byte[] Frame, Sip2ParseResult Result)> ExchangeAsync(
        Func<int?, byte[]> encode, Sip2Command? command, bool useSequence, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = Volatile.Read(ref connection)
                ?? throw new Sip2ConnectionException("The client is not connected; call ConnectAsync first.");
            int? ay = useSequence ? sequence : null;
            var request = encode(ay);
            if (useSequence)
            {
                sequence = Sip2SequenceNumber.Next(sequence);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var abort = timeout.Token.Register(static c => ((ClientConnection)c!).Dispose(), current);
            try
            {
                await WriteAsync(current, request, timeout.Token).ConfigureAwait(false);
                var retries = 0;
                while (true)
                {
                    timeout.CancelAfter(Options.ResponseTimeout);
                    var frame = await ReadFrameAsync(current, timeout.Token).ConfigureAwait(false);
                    var result = Sip2MessageParser.Parse(frame, codec);
                    Observe(Sip2WireDirection.Received, frame, result.Command);

                    var corrupted = result.Error?.Code == Sip2ErrorCode.ChecksumMismatch;
                    var resend = result.Command == Sip2Command.RequestScResend && !corrupted;
                    if (!corrupted && !resend)
                    {
                        if (ay is { } sent && result.SequenceNumber is { } received && received != sent)
                        {
                            Log.SequenceMismatch(logger, received, sent);
                        }

                        return (frame, result);
                    }

                    if (++retries > Options.RetryBudget)
                    {
                        Log.RetryBudgetExhausted(logger, Options.RetryBudget, command);
                        throw new Sip2ProtocolException(Sip2ProtocolFailure.RetryBudgetExhausted,
                            $"No usable response after {Options.RetryBudget} retries ({(corrupted ? "corrupted responses" : "resend requests")}).",
                            result.Command, result.Error);
                    }

                    metrics.Retried(corrupted);
                    if (corrupted)
                    {
                        Log.ChecksumMismatch(logger, retries, Options.RetryBudget);
                        await WriteAsync(current, requestAcsResend, timeout.Token).ConfigureAwait(false);
                    }
                    else
                    {
                        Log.ResendRequested(logger, retries, Options.RetryBudget);
                        await WriteAsync(current, request, timeout.Token).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException or Sip2ConnectionException)
            {
                // The exchange broke off midway: whatever arrives later would be read as the next response.
                Close(current);
                cancellationToken.ThrowIfCancellationRequested();
                if (timeout.IsCancellationRequested)
                {
                    Log.ResponseTimeout(logger, Options.ResponseTimeout);
                    throw new Sip2TimeoutException($"No response within {Options.ResponseTimeout}; the connection was closed.", e);
                }

                Log.ConnectionLost(logger, e.Message);
                throw e as Sip2ConnectionException ?? new Sip2ConnectionException($"The connection was lost: {e.Message}", e);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task WriteAsync(ClientConnection current, byte[] bytes, CancellationToken cancellationToken)
    {
        Observe(Sip2WireDirection.Sent, bytes.AsSpan(0, bytes.Length - (Options.Terminator == Sip2Terminator.CrLf ? 2 : 1)), null);
#if NET8_0_OR_GREATER
        await current.Stream.WriteAsync(bytes.AsMemory(), cancellationToken).ConfigureAwait(false);
#else
        await current.Stream.WriteAsync(bytes, 0, bytes.Length, cancellationToken).ConfigureAwait(false);
#endif
        await current.Stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the next frame (without terminator) into a new array.</summary>
    private async Task<byte[]> ReadFrameAsync(ClientConnection current, CancellationToken cancellationToken)
    {
        while (true)
        {
            var buffer = new ReadOnlySequence<byte>(current.Buffer, current.Start, current.End - current.Start);
            var status = Sip2FrameReader.TryReadFrame(ref buffer, Options.MaxMessageLength, out var frame);
            if (status == Sip2FrameStatus.TooLong)
            {
                Close(current);
                throw new Sip2ProtocolException(Sip2ProtocolFailure.ResponseTooLong,
                    $"A response is longer than {Options.MaxMessageLength} bytes; the connection was closed.");
            }

            var bytes = status == Sip2FrameStatus.Frame ? frame.ToArray() : null;
            current.Start = current.End - (int)buffer.Length;
            if (bytes is not null)
            {
                return bytes;
            }

            current.MakeRoom();
#if NET8_0_OR_GREATER
            var read = await current.Stream.ReadAsync(current.Buffer.AsMemory(current.End), cancellationToken).ConfigureAwait(false);
#else
            var read = await current.Stream.ReadAsync(current.Buffer, current.End, current.Buffer.Length - current.End, cancellationToken).ConfigureAwait(false);
#endif
            if (read == 0)
            {
                throw new Sip2ConnectionException("The ACS closed the connection.");
            }

            current.End += read;
        }
    }

    private void Observe(Sip2WireDirection direction, ReadOnlySpan<byte> frame, Sip2Command? command)
    {
        var observer = Options.WireObserver;
        if (observer is null && !logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        var text = Sip2WireMask.Mask(Options.Encoding.GetString(frame), Options.FieldDelimiter);
        if (direction == Sip2WireDirection.Sent)
        {
            Log.Sent(logger, text.Length >= 2 && char.IsDigit(text[0]) && char.IsDigit(text[1]) ? (Sip2Command)(((text[0] - '0') * 10) + (text[1] - '0')) : 0, text);
        }
        else
        {
            Log.Received(logger, command, text);
        }

        observer?.Invoke(direction, text);
    }
}
