using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sip2.Net.Benchmarks;

/// <summary>
/// What every bench server shares besides its protocol: the control port the tools read the server's figures from,
/// the process's CPU time, and waiting for the stop.
/// </summary>
public static class BenchControl
{
    /// <summary>
    /// Each connection to the control port sends one line, <c>memory</c> or <c>counters</c>, and gets one line back:
    /// open connections, bytes allocated so far, the count of gen0 collections and the process's CPU time (µs); for
    /// <c>memory</c> also the working set and managed heap after a full collection, with the collections and CPU time
    /// counted before and after it, so that the load tool can leave the collection it forced out of what it measures
    /// (for <c>counters</c> nothing is forced, and both counts agree).
    /// </summary>
    public static async Task ServeAsync(int port, Func<int> connections, CancellationToken stop)
    {
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (SocketException)
            {
                // Out of descriptors, as the stress battery can leave the server: the control port waits and goes
                // on, so that it is never what ends the process being measured.
                await PauseAsync(stop);
                continue;
            }

            using (client)
            {
                try
                {
                    await AnswerAsync(client, connections, stop);
                }
                catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
                {
                }
            }
        }
    }

    private static async Task PauseAsync(CancellationToken stop)
    {
        try
        {
            await Task.Delay(100, stop);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task AnswerAsync(TcpClient client, Func<int> connections, CancellationToken stop)
    {
        using var reader = new StreamReader(client.GetStream(), Encoding.ASCII, leaveOpen: true);
        using var asking = CancellationTokenSource.CreateLinkedTokenSource(stop);
        asking.CancelAfter(TimeSpan.FromSeconds(2)); // a client that connects and says nothing holds no one up
        var query = await reader.ReadLineAsync(asking.Token);
        if (query is null)
        {
            return; // the client gave up: no collection forced for nobody
        }

        var memory = query != "counters";
        // Collections so far, before this query's own forced ones (and after them, below), so that the
        // load tool can tell how many the load caused.
        var collections = GC.CollectionCount(0);
        var cpu = ProcessorMicroseconds();
        long workingSet = 0, managed = 0;
        if (memory)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            managed = GC.GetTotalMemory(forceFullCollection: true);
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            workingSet = process.WorkingSet64;
        }

        var line = $"connections={connections()} workingSet={workingSet} managed={managed} allocated={GC.GetTotalAllocatedBytes(precise: true)} gcs={collections} gcsForced={GC.CollectionCount(0)} cpu={cpu} cpuForced={ProcessorMicroseconds()}\n";
        await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(line), stop);
    }

    /// <summary>User and kernel CPU time of this process so far, in microseconds.</summary>
    public static long ProcessorMicroseconds()
    {
        using var process = Process.GetCurrentProcess();
        return (long)process.TotalProcessorTime.TotalMicroseconds;
    }

    public static async Task WaitAsync(CancellationToken stop)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
