using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Sip2.Net.Client;
using Sip2.Net.Protocol;
using Xunit.Abstractions;

namespace Sip2.Net.SampleHost.Tests;

/// <summary>
/// The sample host in a child process whose open-file limit is lowered (ulimit -n), flooded with more connections than
/// it has descriptors for: it keeps a reserve, refuses the rest, keeps serving the kiosk already in session, says so
/// in a handful of lines (not one per connection), and serves new kiosks once the flood is gone.
/// </summary>
public sealed partial class DescriptorLimitTests(ITestOutputHelper output)
{
    private const int OpenFileLimit = 512;
    private const int Flood = 600;

    [Fact]
    public async Task A_flood_past_the_open_file_limit_neither_kills_the_server_nor_shuts_out_kiosks_and_is_logged_in_a_few_lines()
    {
        using var host = StartHost();
        var lines = new List<string>();
        var port = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(line);
            }

            if (ListeningLine().Match(line) is { Success: true } match)
            {
                port.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        host.OutputDataReceived += (_, e) => Read(e.Data);
        host.ErrorDataReceived += (_, e) => Read(e.Data);
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        var sip2 = await port.Task.WaitAsync(TimeSpan.FromSeconds(60));
        try
        {
            // A kiosk in session before the flood.
            await using var kiosk = await LoggedInAsync(sip2);

            var flood = new List<Socket>();
            try
            {
                for (var i = 0; i < Flood; i++)
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    flood.Add(socket);
                    await socket.ConnectAsync(IPAddress.Loopback, sip2);
                }

                // Every flood connection has been accepted or refused once each has its answer: a refused one is closed
                // by the server (a read returns 0), an admitted one waits for its login (a 99 gets its 98).
                var refused = 0;
                foreach (var socket in flood)
                {
                    refused += await IsRefusedAsync(socket) ? 1 : 0;
                }

                output.WriteLine($"{refused} of {Flood} connections refused at an open-file limit of {OpenFileLimit}");
                Assert.InRange(refused, 1, Flood - 1); // the limit was reached, and connections below it were served
                Assert.False(host.HasExited, "the server process is still running");
                Assert.Equal("Northfield Main Library", (await kiosk.ScStatusAsync()).LibraryName);
            }
            finally
            {
                foreach (var socket in flood)
                {
                    socket.Dispose();
                }
            }

            // Once the flood is gone, a new kiosk is served (its slot comes free as the server sees the closes).
            await using var after = await LoggedInAsync(sip2, attempts: 200);
            Assert.Equal("Northfield Main Library", (await after.ScStatusAsync()).LibraryName);
            Assert.False(host.HasExited);
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }

        string[] all;
        lock (lines)
        {
            all = lines.ToArray();
        }

        // The refusals of the flood come out as one aggregated line per address and interval, not one per connection.
        var refusalLines = all.Count(l => new[] { "[1004]", "[1019]", "[1020]" }.Any(id => l.Contains("Sip2.Net.Server" + id, StringComparison.Ordinal)));
        output.WriteLine($"{refusalLines} refusal lines; descriptor budget line: {all.Any(l => l.Contains("Sip2.Net.Server[1021]", StringComparison.Ordinal))}");
        Assert.InRange(refusalLines, 1, 3);
        Assert.Single(all, l => l.Contains("Sip2.Net.Server[1021]", StringComparison.Ordinal));
        Assert.DoesNotContain(all, l => l.Contains("Out of memory", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<bool> IsRefusedAsync(Socket socket)
    {
        using var answer = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await socket.SendAsync(Encoding.ASCII.GetBytes("9900302.00\r"), SocketFlags.None, answer.Token);
            var buffer = new byte[256];
            return await socket.ReceiveAsync(buffer, SocketFlags.None, answer.Token) == 0;
        }
        catch (SocketException)
        {
            return true; // reset by the server
        }
    }

    private static async Task<Sip2Client> LoggedInAsync(int port, int attempts = 1)
    {
        for (var attempt = 1; ; attempt++)
        {
            var client = new Sip2Client(new Sip2ClientOptions { Host = "127.0.0.1", Port = port, InstitutionId = "NORTH" });
            try
            {
                await client.ConnectAsync();
                await client.LoginAsync("north-kiosk", "north-pass");
                return client;
            }
            catch (Exception exception) when (attempt < attempts && exception is Sip2Exception or IOException or SocketException)
            {
                await client.DisposeAsync();
                await Task.Delay(25); // another process frees the slot: nothing here to await but its next answer
            }
        }
    }

    // The sample host as built next to these tests, under a lowered open-file limit, run on this machine's dotnet.
    private static Process StartHost()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Sip2.Net.SampleHost.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { "-c", $"ulimit -n {OpenFileLimit} && exec \"$0\" \"$@\"", dotnet, dll, "--Sip2:Port=0", "--Sip2:Admin:Url=http://127.0.0.1:0", "--Sip2:Server:MaxConnectionsPerAddress=10000" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["DOTNET_ROLL_FORWARD"] = "Major"; // the net8.0 build on the machine's newer runtime
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__LogLevel__Sip2.Net"] = "Information";
        return Process.Start(start)!;
    }

    [GeneratedRegex(@"listening on 127\.0\.0\.1:(\d+) \(tcp\)")]
    private static partial Regex ListeningLine();
}
