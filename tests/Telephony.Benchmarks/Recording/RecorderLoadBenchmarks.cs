using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.Logging.Abstractions;
using Telephony.Recording;
using Telephony.Recording.Recorder;

namespace Telephony.Benchmarks.Recording;

/// <summary>
/// Recording cost at load: one operation is one second of audio for 500 concurrent conversations — 50 chunks of 20 ms per
/// leg per call, queued from this thread as the media threads would, then written by the single writer loop to 500 stereo
/// files (to a temporary directory; the periodic header flush runs on its real one-second timer). The operation ends when
/// the loop has written all of it, so its time is the wall-clock cost of one real-time second; below one second, the
/// recorder keeps up. CPU time of the whole process per operation is printed at cleanup (CPU% = that over 1 s), and the
/// bytes written per second of audio are fixed by the format: 500 × 8,000 frames × 4 bytes = 16 MB/s.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10, invocationCount: 1)]
public class RecorderLoadBenchmarks
{
    private const int Calls = 500;
    private const int ChunkSamples = 160;
    private const int ChunksPerSecond = 50;
    private readonly short[] _caller = new short[ChunkSamples];
    private readonly short[] _agent = new short[ChunkSamples];
    private string _directory = null!;
    private RecordingMetrics _metrics = null!;
    private RecordingWriterLoop _loop = null!;
    private ConversationRecorder[] _recorders = null!;
    private long _position;
    private int _operations;
    private TimeSpan _cpuAtStart;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("recorder-bench-").FullName;
        _metrics = new RecordingMetrics();
        _loop = new RecordingWriterLoop(new RecordingOptions { DataDirectory = _directory }, TimeProvider.System, _metrics, NullLogger<RecordingWriterLoop>.Instance);
        _recorders = new ConversationRecorder[Calls];
        for (var i = 0; i < Calls; i++)
        {
            _recorders[i] = _loop.Start(Path.Combine(_directory, $"call-{i}.wav"));
        }

        for (var i = 0; i < ChunkSamples; i++)
        {
            _caller[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 8000.0));
            _agent[i] = (short)(8000 * Math.Sin(2 * Math.PI * 1000 * i / 8000.0));
        }

        _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    }

    [Benchmark]
    public async Task OneSecondOf500Conversations()
    {
        for (var chunk = 0; chunk < ChunksPerSecond; chunk++)
        {
            foreach (var recorder in _recorders)
            {
                recorder.Write(RecordingChannel.Caller, _position, _caller);
                recorder.Write(RecordingChannel.Agent, _position, _agent);
            }

            _position += ChunkSamples;
        }

        // The loop handles commands in order: when this sentinel's finish completes, everything queued before it is written.
        var sentinel = _loop.Start(Path.Combine(_directory, $"sentinel-{_operations++}.wav"));
        await sentinel.FinishAsync(CancellationToken.None);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart;
        Console.WriteLine($"// Recorder load: {_operations} operations, process CPU {cpu.TotalMilliseconds / _operations:F1} ms per second of audio for {Calls} calls");
        await _loop.DisposeAsync();
        _metrics.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
