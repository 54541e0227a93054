using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Sip2.Net.Protocol;

namespace Sip2.Net.Benchmarks;

/// <summary>
/// Idle kiosks: opens N connections, has each one log in and exchange an SC Status (so it is admitted, bound by
/// its login and has served a request), then leaves them silent and asks the server, through its control port, for its
/// memory before and after. The deltas divided by N are the cost of one idle connection.
/// </summary>
public static class IdleTool
{
    public static async Task<int> RunAsync(int port, int controlPort, int connections, double settleSeconds, BenchCredentials credentials)
    {
        var before = await QueryAsync(controlPort, "memory");
        Console.WriteLine($"before: {before.Line}");
        var status = Sip2MessageWriter.ToBytes(SampleMessages.ScStatus, Sip2CodecOptions.Default, Sip2Trailer.WithChecksum(1));
        var sockets = new Socket[connections];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < connections; i += 100)
        {
            await Task.WhenAll(Enumerable.Range(i, Math.Min(100, connections - i)).Select(async n =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
                // Logged in as its own registration (wrapping round the count), as every kiosk of the load is.
                await using (var stream = new NetworkStream(socket, ownsSocket: false))
                {
                    var buffer = new byte[512];
                    var login = await KioskWire.ExchangeAsync(stream, credentials.LoginFrame(n), buffer, CancellationToken.None);
                    if (!KioskWire.IsLoginAccepted(login))
                    {
                        throw new IOException($"The login of {credentials.LoginId(n)} was answered '{login}'.");
                    }

                    await KioskWire.ExchangeAsync(stream, status, buffer, CancellationToken.None);
                }

                sockets[n] = socket;
            }));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"opened and logged in {connections} connections in {clock.Elapsed.TotalSeconds:F1} s"));
        await Task.Delay(TimeSpan.FromSeconds(settleSeconds));
        var after = await QueryAsync(controlPort, "memory");
        Console.WriteLine($"after:  {after.Line}");
        var open = after.Connections - before.Connections;
        var workingSet = (after.WorkingSet - before.WorkingSet) / (double)connections;
        var managed = (after.Managed - before.Managed) / (double)connections;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"idle\t{connections}\t{open}\t{workingSet:F0}\t{managed:F0}\t(connections asked, open on the server, working set bytes/connection, managed heap bytes/connection)"));
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }

        return open == connections ? 0 : 4;
    }

    /// <summary>
    /// One line from a server's control port: <c>memory</c> (after a full collection: the working set and managed
    /// heap) or <c>counters</c> (no collection; the memory figures are then 0).
    /// </summary>
    internal static async Task<(string Line, int Connections, long WorkingSet, long Managed, long Allocated, long Collections, long CollectionsForced, long Cpu, long CpuForced)> QueryAsync(int controlPort, string query)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, controlPort);
        await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(query + "\n"));
        using var reader = new StreamReader(client.GetStream(), Encoding.ASCII);
        var line = (await reader.ReadLineAsync())!;
        var values = line.Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture));
        return (line, (int)values["connections"], values["workingSet"], values["managed"], values["allocated"], values["gcs"], values["gcsForced"], values["cpu"], values["cpuForced"]);
    }
}
