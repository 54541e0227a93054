using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Sip2.Net.Protocol;

namespace Sip2.Net.Benchmarks;

/// <summary>
/// Idle kiosks: opens N connections, has each one exchange an SC Status (so it is admitted, bound and has
/// served a request), then leaves them silent and asks the server, through its control port, for its
/// memory before and after. The deltas divided by N are the cost of one idle connection.
/// </summary>
public static class IdleTool
{
    public static async Task<int> RunAsync(int port, int controlPort, int connections, double settleSeconds)
    {
        var before = await QueryAsync(controlPort, "memory");
        Console.WriteLine($"before: {before.Line}");
        var status = Sip2MessageWriter.ToBytes(SampleMessages.ScStatus, Sip2CodecOptions.Default, Sip2Trailer.WithChecksum(0));
        var sockets = new Socket[connections];
        for (var i = 0; i < connections; i += 100)
        {
            await Task.WhenAll(Enumerable.Range(i, Math.Min(100, connections - i)).Select(async n =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
                await socket.SendAsync(status, SocketFlags.None);
                var buffer = new byte[512];
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0)
                {
                    throw new IOException("The server closed an idle connection.");
                }

                sockets[n] = socket;
            }));
        }

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
