using System;
using System.IO;
using System.Text;

namespace Sip2.Net.Cli;

/// <summary>What the tool reads and writes, so tests can run it in-process.</summary>
/// <param name="Out">Standard output: responses, reports.</param>
/// <param name="Error">Standard error: errors, progress, prompts.</param>
/// <param name="In">Standard input: the interactive session's lines.</param>
/// <param name="GetEnvironmentVariable">Reads an environment variable (the password variables).</param>
/// <param name="ReadSecret">Asks for a secret without echoing it; null when no one can answer.</param>
internal sealed record CliConsole(
    TextWriter Out,
    TextWriter Error,
    TextReader In,
    Func<string, string?> GetEnvironmentVariable,
    Func<string, string?> ReadSecret)
{
    public static CliConsole System { get; } = new(
        Console.Out, Console.Error, Console.In, Environment.GetEnvironmentVariable, PromptWithoutEcho);

    /// <summary>A console for tests: no environment, no one to answer a prompt.</summary>
    public static CliConsole ForWriters(TextWriter output, TextWriter error, TextReader? input = null) =>
        new(output, error, input ?? TextReader.Null, _ => null, _ => null);

    private static string? PromptWithoutEcho(string prompt)
    {
        if (Console.IsInputRedirected)
        {
            // Piped input is not echoed anyway; the first line is the secret.
            return Console.In.ReadLine();
        }

        Console.Error.Write(prompt);
        var secret = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return secret.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (secret.Length > 0)
                {
                    secret.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                secret.Append(key.KeyChar);
            }
        }
    }
}

/// <summary>The exit codes scripts can rely on (documented in docs/cli.md).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int Connection = 3;
    public const int Protocol = 4;
    public const int LoginRefused = 5;
    public const int Refused = 6;
    public const int Cancelled = 130;
}
