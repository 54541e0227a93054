using SharpFuzz;

namespace Sip2.Net.Fuzz;

/// <summary>
/// The fuzz harness. Under afl-fuzz (see run-fuzz.sh): <c>dotnet Sip2.Net.Fuzz.dll TARGET</c>, the input on
/// standard input. Outside it, the same command runs the target once on standard input (to replay a finding),
/// <c>--replay TARGET PATH...</c> runs it on files or folders and reports each failure, and
/// <c>--write-corpus DIR</c> writes the seed corpus.
/// </summary>
internal static class Program
{
    internal static readonly Dictionary<string, Action<byte[]>> Targets = new()
    {
        ["frame"] = FrameTarget.Run,
        ["parse"] = ParseTarget.Run,
        ["checksum"] = ChecksumTarget.Run,
        ["proxy"] = ProxyTarget.Run,
    };

    private static int Main(string[] args)
    {
        if (args is ["--write-corpus", _] or ["--replay", ..])
        {
            TraceOutsideAfl();
        }

        if (args is ["--write-corpus", var directory])
        {
            return Seeds.Write(directory);
        }

        if (args is ["--replay", var name, .. var paths] && Targets.TryGetValue(name, out var replayed) && paths.Length > 0)
        {
            return Replay(replayed, paths);
        }

        if (args is [var target] && Targets.TryGetValue(target, out var run))
        {
            // Static initialisers (the message table, encodings, option records) run once per process, so
            // the first input to reach them would show coverage that later runs of the same input do not:
            // afl-fuzz calls that instability. Running the seeds once first gets them out of the way.
            TraceOutsideAfl();
            foreach (var seed in Seeds.For(target))
            {
                run(seed);
            }

            Fuzzer.Run(stream => run(ReadAll(stream)));
            return 0;
        }

        var names = string.Join('|', Targets.Keys);
        Console.Error.WriteLine($"usage: Sip2.Net.Fuzz {names}   (input on standard input, or under afl-fuzz)");
        Console.Error.WriteLine($"       Sip2.Net.Fuzz --replay {names} FILE-OR-DIR...");
        Console.Error.WriteLine("       Sip2.Net.Fuzz --write-corpus DIR");
        return 2;
    }

    // An instrumented Sip2.Net.dll records every branch through this pointer; under afl-fuzz, and in a single
    // run of Fuzzer.Run, SharpFuzz points it at the coverage map. The other modes run the same instrumented
    // library without Fuzzer.Run, so they give it a scratch map of the same size (64 KiB), kept for the
    // process's life.
    private static unsafe void TraceOutsideAfl() =>
        SharpFuzz.Common.Trace.SharedMem = (byte*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(1 << 16);

    private static byte[] ReadAll(Stream stream)
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static int Replay(Action<byte[]> target, string[] paths)
    {
        var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p).Order(StringComparer.Ordinal) : (IEnumerable<string>)[p]).ToList();
        var failed = 0;
        foreach (var file in files)
        {
            try
            {
                target(File.ReadAllBytes(file));
            }
#pragma warning disable CA1031 // every failure is reported, whatever its type: that is what a replay is for
            catch (Exception exception)
#pragma warning restore CA1031
            {
                failed++;
                Console.WriteLine($"{file}: {exception.GetType().Name}: {exception.Message}");
                Console.WriteLine(exception.StackTrace);
            }
        }

        Console.WriteLine($"{files.Count} inputs, {failed} failed");
        return failed == 0 ? 0 : 1;
    }
}
