using System;
using System.Threading;
using Sip2.Net.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops the command cleanly (closing connections); a second one kills the process.
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};

return await Sip2Cli.RunAsync(args, CliConsole.System, cancel.Token);
