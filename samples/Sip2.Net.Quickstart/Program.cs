using Microsoft.Extensions.Hosting;
using Quickstart;

using var host = QuickstartHost.Create(args);
await host.RunAsync();
