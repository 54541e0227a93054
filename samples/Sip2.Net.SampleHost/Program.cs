using System;
using System.IO;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Sip2.Net.Access;
using Sip2.Net.SampleHost;

// `hash-password` turns a password read from standard input into the stored form for Sip2:Clients:N:PasswordHash and
// Sip2:Admin:Accounts:N:PasswordHash, so that a configuration file need not hold a plain password.
if (args is ["hash-password"])
{
    var password = Console.ReadLine();
    if (string.IsNullOrEmpty(password))
    {
        Console.Error.WriteLine("hash-password: type the password on standard input.");
        return 2;
    }

    Console.WriteLine(Sip2PasswordHash.Create(password).ToStoredString());
    return 0;
}

try
{
    using var host = await SampleHost.BuildAsync(args);
    await host.RunAsync();
    return 0;
}
catch (SampleHostStartupException e)
{
    Console.Error.WriteLine($"The SIP2 sample host did not start: {e.Message}");
    return 1;
}
catch (Microsoft.Extensions.Options.OptionsValidationException e)
{
    // Every message names its key (Sip2:Server:MaxConnections must be at least 1.).
    Console.Error.WriteLine($"The SIP2 sample host did not start: configuration: {e.Message}");
    return 1;
}
catch (SocketException e)
{
    Console.Error.WriteLine($"The SIP2 sample host could not listen: {e.Message} (is another server on the port? try --Sip2:Port=7001)");
    return 1;
}
catch (IOException e) when (e.InnerException is SocketException or Microsoft.AspNetCore.Connections.AddressInUseException)
{
    Console.Error.WriteLine($"The admin site could not listen: {e.Message} (is another server on the port? try --Sip2:Admin:Url=http://127.0.0.1:7080)");
    return 1;
}
