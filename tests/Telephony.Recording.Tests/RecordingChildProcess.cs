using Microsoft.Extensions.Logging.Abstractions;
using Telephony.Recording.Recorder;

namespace Telephony.Recording.Tests;

/// <summary>
/// Entry point of the test assembly. Run as <c>dotnet Telephony.Recording.Tests.dll record-until-killed DIR FILE</c> it records a
/// synthetic conversation (440 Hz caller, 1 kHz agent) into DIR/FILE at real-time pace with a 200 ms header flush, until it is
/// killed — the child of <c>RecordingKillTests</c>. The test runner never calls it.
/// </summary>
internal static class RecordingChildProcess
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 3 || args[0] != "record-until-killed")
        {
            return 2;
        }

        var options = new RecordingOptions { DataDirectory = args[1], FlushInterval = TimeSpan.FromMilliseconds(200) };
        using var metrics = new RecordingMetrics();
        await using var loop = new RecordingWriterLoop(options, TimeProvider.System, metrics, NullLogger<RecordingWriterLoop>.Instance);
        var recorder = loop.Start(Path.Combine(args[1], args[2]));
        for (long position = 0; ; position += 160)
        {
            recorder.Write(RecordingChannel.Caller, position, TestTones.Chunk(440, position, 160));
            recorder.Write(RecordingChannel.Agent, position, TestTones.Chunk(1000, position, 160));
            await Task.Delay(20);
        }
    }
}
