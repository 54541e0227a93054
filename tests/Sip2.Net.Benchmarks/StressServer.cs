using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Sip2.Net.Benchmarks;

/// <summary>
/// The server the stress battery attacks: this program's <c>server</c> mode in a child process, so that a crash is
/// seen as one, its CPU and memory are its own (read from /proc), and its open-file limit can be lowered alone. It
/// has a plain and a TLS endpoint, the kiosks' registrations on 127.0.0.1 and one registration on each of the
/// addresses 127.0.0.2 to 127.0.0.9 (<see cref="StressAttacks"/> says which attack uses which).
/// </summary>
internal sealed class StressServer : IAsyncDisposable
{
    /// <summary>The registered addresses besides 127.0.0.1.</summary>
    public const int ExtraAddresses = 8;

    // /proc/<pid>/stat counts CPU time in clock ticks of USER_HZ, which Linux fixes at 100 a second for user space.
    private const double TicksPerSecond = 100;

    private readonly Process process;
    private readonly ServerLog log;
    private readonly int controlPort;

    private StressServer(Process process, ServerLog log, int controlPort)
    {
        this.process = process;
        this.log = log;
        this.controlPort = controlPort;
    }

    public int ProcessId => process.Id;

    /// <summary>Whether the process is still running; if not, its exit code.</summary>
    public (bool Alive, int? ExitCode) State => process.HasExited ? (false, process.ExitCode) : (true, null);

    /// <summary>
    /// Starts the server and waits until its control port answers. <paramref name="logPath"/> gets its output (a crash
    /// message too); <paramref name="pfxPath"/> is its TLS certificate.
    /// </summary>
    public static async Task<StressServer> StartAsync(StressOptions options, int kioskRegistrations, string pfxPath, string logPath)
    {
        string[] server =
        [
            "server", "--port", Text(options.Port), "--control-port", Text(options.ControlPort), "--tls-port", Text(options.TlsPort), "--tls-pfx", pfxPath,
            "--logins", Text(kioskRegistrations), "--extra-addresses", Text(ExtraAddresses), "--hash-iterations", Text(options.HashIterations),
            "--idle-timeout", Text(options.IdleTimeoutSeconds), "--max-connections", Text(options.MaxConnections),
            "--max-connections-per-address", Text(options.MaxConnectionsPerAddress),
        ];
        // This program again: through the dotnet host when it was started through it, else its own executable.
        var self = Environment.ProcessPath!;
        var command = Path.GetFileNameWithoutExtension(self) == "dotnet" ? [self, typeof(StressServer).Assembly.Location, .. server] : new[] { self }.Concat(server).ToArray();
        // bash sets the limit and then becomes the server (exec): the child's pid is the server's.
        var start = options.LimitNofile > 0
            ? new ProcessStartInfo("bash", ["-c", "ulimit -n \"$0\" && exec \"$@\"", Text(options.LimitNofile), .. command])
            : new ProcessStartInfo(command[0], command.Skip(1));
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;

        var log = new ServerLog(logPath);
        var process = Process.Start(start) ?? throw new InvalidOperationException("The server did not start.");
        process.OutputDataReceived += (_, line) => log.Write(line.Data);
        process.ErrorDataReceived += (_, line) => log.Write(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = new StressServer(process, log, options.ControlPort);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited at start with {process.ExitCode}; see {logPath}.");
            }

            if (await started.QueryConnectionsAsync() >= 0)
            {
                return started;
            }

            await Task.Delay(100);
        }

        await started.DisposeAsync();
        throw new TimeoutException($"The server's control port never answered; see {logPath}.");
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The connections the server is serving (its control port: connections the handler runs, not sockets still in a
    /// TLS handshake), or -1 when the control port does not answer within a second (a server out of descriptors
    /// cannot accept it).
    /// </summary>
    public async Task<int> QueryConnectionsAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            using var client = new TcpClient();
            await client.ConnectAsync(System.Net.IPAddress.Loopback, controlPort, timeout.Token);
            await client.GetStream().WriteAsync("counters\n"u8.ToArray(), timeout.Token);
            using var reader = new StreamReader(client.GetStream(), System.Text.Encoding.ASCII);
            var line = await reader.ReadLineAsync(timeout.Token);
            var field = line?.Split(' ').FirstOrDefault(f => f.StartsWith("connections=", StringComparison.Ordinal));
            return field is null ? -1 : int.Parse(field["connections=".Length..], CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException)
        {
            return -1;
        }
    }

    /// <summary>One look at the server: its connections (control port), the sockets it holds, its RSS and CPU time.</summary>
    public async Task<StressSample> SampleAsync()
    {
        var at = Stopwatch.GetTimestamp();
        var connections = await QueryConnectionsAsync();
        var pid = process.Id;
        try
        {
            var stat = await File.ReadAllTextAsync($"/proc/{pid}/stat");
            // The fields after the command name, which is in parentheses and may hold spaces: state is the first,
            // utime the twelfth, stime the thirteenth (fields 3, 14 and 15 of proc(5)).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var cpu = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
            var rss = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            var rssKiB = long.Parse(rss["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            return new StressSample(at, !process.HasExited, connections, CountSockets(pid), rssKiB / 1024.0, cpu);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            return new StressSample(at, !process.HasExited, connections, 0, double.NaN, double.NaN); // it has exited, or is exiting
        }
    }

    // The sockets among the process's descriptors; one that closes while they are counted is not counted.
    private static int CountSockets(int pid)
    {
        var sockets = 0;
        foreach (var descriptor in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
        {
            try
            {
                if (new FileInfo(descriptor).LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true)
                {
                    sockets++;
                }
            }
            catch (IOException)
            {
            }
        }

        return sockets;
    }

    /// <summary>The last lines of the server's output, for a report of its death.</summary>
    public static string Tail(string logPath, int lines) => File.Exists(logPath) ? string.Join(" | ", File.ReadLines(logPath).TakeLast(lines)) : "";

    /// <summary>Stops the server with SIGTERM (its graceful stop), and kills it when it has not exited 10 seconds later.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill!.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
        }

        process.Dispose();
        log.Dispose();
    }

    // The server's output, line by line, until it is closed (a line the runtime delivers after that is dropped).
    private sealed class ServerLog(string path) : IDisposable
    {
        private readonly StreamWriter writer = new(path, append: false) { AutoFlush = true };
        private bool closed;

        public void Write(string? line)
        {
            lock (writer)
            {
                if (line is not null && !closed)
                {
                    writer.WriteLine(line);
                }
            }
        }

        public void Dispose()
        {
            lock (writer)
            {
                closed = true;
                writer.Dispose();
            }
        }
    }
}
