using System.Buffers;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Benchmarks;

/// <summary>
/// A short in-process job: 72 cases must fit in minutes on a shared 2-core VM. Allocation figures are exact
/// whatever the job length; timings are indicative only.
/// </summary>
public sealed class CodecConfig : ManualConfig
{
    public CodecConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(7)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(120))
            .WithId("Codec"));
        AddDiagnoser(MemoryDiagnoser.Default);
        Options |= ConfigOptions.DisableOptimizationsValidator;
    }
}

/// <summary>Framing, checksum, parse and format of each sample, in IBM850 and UTF-8.</summary>
[Config(typeof(CodecConfig))]
[MemoryDiagnoser]
public class CodecBenchmarks
{
    private ReadOnlySequence<byte> wire;
    private byte[] frame = [];
    private int checksummed;
    private Sip2Message message = null!;
    private Sip2CodecOptions options = null!;
    private readonly ArrayBufferWriter<byte> output = new(8192);

    [ParamsSource(nameof(MessageNames))]
    public string Message { get; set; } = "";

    [Params("IBM850", "UTF-8")]
    public string Encoding { get; set; } = "";

    public static IEnumerable<string> MessageNames => SampleMessages.Names;

    [GlobalSetup]
    public void Setup()
    {
        options = new Sip2CodecOptions
        {
            Encoding = Encoding == "UTF-8" ? Sip2Encoding.Utf8 : Sip2Encoding.Ibm850,
            ErrorDetection = Sip2ErrorDetectionMode.On,
        };
        message = SampleMessages.Get(Message);
        var bytes = Sip2MessageWriter.ToBytes(message, options, Sip2Trailer.WithChecksum(3));
        wire = new ReadOnlySequence<byte>(bytes);
        frame = bytes.AsSpan(0, bytes.Length - 1).ToArray(); // without the CR
        checksummed = frame.Length - 4; // through "AZ"
    }

    [Benchmark]
    public long Frame()
    {
        var buffer = wire;
        Sip2FrameReader.TryReadFrame(ref buffer, Sip2FrameReader.DefaultMaxMessageLength, out var found);
        return found.Length;
    }

    [Benchmark]
    public ushort Checksum() => Sip2Checksum.Compute(frame.AsSpan(0, checksummed));

    [Benchmark]
    public bool ChecksumVerify() => Sip2Checksum.Verify(frame.AsSpan(0, checksummed), frame.AsSpan(checksummed));

    [Benchmark]
    public Sip2Message? Parse() => Sip2MessageParser.Parse(frame, options).Message;

    // Parse, then read every value (the Fields view decodes them all): what a caller that reads the whole
    // message pays, now that parsing itself decodes nothing.
    [Benchmark]
    public int ParseReadAll() => Sip2MessageParser.Parse(frame, options).Message!.Fields.Count;

    [Benchmark]
    public int Format()
    {
        output.ResetWrittenCount();
        return Sip2MessageWriter.Write(output, message, options, Sip2Trailer.WithChecksum(3));
    }
}
