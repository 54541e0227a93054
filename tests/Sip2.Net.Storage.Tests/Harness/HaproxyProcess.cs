using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Sip2.Net.Storage.Tests.Harness;

/// <summary>
/// An HAProxy in front of the server instances, in TCP mode, sending each server a PROXY v2 header: started with a
/// configuration written here, as a daemon whose start returns once it listens; stopped by its process id.
/// </summary>
public sealed class HaproxyProcess : IAsyncDisposable
{
    private readonly string directory;
    private readonly int pid;

    private HaproxyProcess(string directory, int pid, int port, string configuration)
    {
        this.directory = directory;
        this.pid = pid;
        Port = port;
        Configuration = configuration;
    }

    public int Port { get; }

    public string Configuration { get; }

    /// <summary>The configuration for a frontend on 127.0.0.1:<paramref name="port"/> balancing over the servers' ports.</summary>
    public static string ConfigurationFor(int port, IReadOnlyList<int> servers) => string.Join('\n',
    [
        "global",
        "    maxconn 100",
        "defaults",
        "    mode tcp",
        "    timeout connect 5s",
        "    timeout client 10m",   // at least the server's idle timeout: the server, not the proxy, ends idle sessions
        "    timeout server 10m",
        "    retries 2",
        "    option redispatch",   // a server that refuses the connection (stopped, restarting): try another
        "frontend sip2",
        $"    bind 127.0.0.1:{port}",
        "    default_backend sip2_servers",
        "backend sip2_servers",
        "    balance roundrobin",
        .. servers.Select((p, i) => $"    server sip2-{i + 1} 127.0.0.1:{p} send-proxy-v2"),
        "",
    ]);

    public static async Task<HaproxyProcess> StartAsync(string binary, IReadOnlyList<int> servers)
    {
        var directory = Directory.CreateTempSubdirectory("sip2-haproxy-").FullName;
        var port = FreePort();
        var configuration = ConfigurationFor(port, servers);
        var file = Path.Combine(directory, "haproxy.cfg");
        var pidFile = Path.Combine(directory, "haproxy.pid");
        await File.WriteAllTextAsync(file, configuration);

        using var start = Process.Start(new ProcessStartInfo(binary, ["-D", "-q", "-f", file, "-p", pidFile]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var error = start.StandardError.ReadToEndAsync();
        await start.StandardOutput.ReadToEndAsync();
        await start.WaitForExitAsync();
        if (start.ExitCode != 0)
        {
            throw new InvalidOperationException($"haproxy did not start ({start.ExitCode}): {await error}");
        }

        var pid = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim(), CultureInfo.InvariantCulture);
        return new HaproxyProcess(directory, pid, port, configuration);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // The daemon is not this process's child: killing it is all that is needed (its parent, init, reaps it).
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (ArgumentException)
        {
            // already gone
        }

        Directory.Delete(directory, recursive: true);
        await Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
