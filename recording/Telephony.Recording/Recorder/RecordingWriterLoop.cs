using System.Buffers;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Telephony.Recording.Retention;

namespace Telephony.Recording.Recorder;

/// <summary>
/// The one background writer for every recording in the process: media threads queue copied audio, this loop lines it up and
/// writes it, and once per <see cref="RecordingOptions.FlushInterval"/> rewrites every open file's header sizes and flushes it,
/// so a process killed mid-call leaves a file <see cref="Telephony.Media.Wav.WavRepair"/> can make whole. No thread or timer per call.
/// </summary>
public sealed class RecordingWriterLoop : IAsyncDisposable
{
    private readonly Channel<WriterCommand> _commands = Channel.CreateUnbounded<WriterCommand>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false, AllowSynchronousContinuations = false });

    private readonly HashSet<ConversationRecorder> _open = [];

    // Audio waits in the queue between the media threads and this loop; at 500 calls that is about a thousand 20 ms chunks per
    // tick, far more than the shared pool keeps per size (it would fall back to allocating), so the recorder has its own pool.
    private readonly ArrayPool<short> _buffers = ArrayPool<short>.Create(maxArrayLength: 4096, maxArraysPerBucket: 16_384);
    private readonly ILogger _logger;
    private readonly RecordingMetrics _metrics;
    private readonly DiskSpaceGuard? _diskGuard;
    private readonly ITimer _flushTimer;
    private readonly Task _loop;

    public RecordingWriterLoop(RecordingOptions options, TimeProvider timeProvider, RecordingMetrics metrics, ILogger<RecordingWriterLoop> logger, DiskSpaceGuard? diskGuard = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _metrics = metrics;
        _logger = logger;
        _diskGuard = diskGuard;
        _loop = Task.Run(RunAsync);
        _flushTimer = timeProvider.CreateTimer(
            static state => ((RecordingWriterLoop)state!).TryEnqueue(new WriterCommand(WriterCommandKind.Flush, null, default, 0, null, 0)),
            this,
            options.FlushInterval,
            options.FlushInterval);
    }

    /// <summary>Conversations currently open (read on the loop; a gauge for tests and metrics).</summary>
    public int OpenCount => Volatile.Read(ref _openCount);

    private int _openCount;

    /// <summary>
    /// Creates the stereo WAV at <paramref name="path"/> (and its folders) and returns the recorder the media threads feed.
    /// Throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when the file cannot be created.
    /// </summary>
    public ConversationRecorder Start(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var recorder = new ConversationRecorder(this, path);
        recorder.Open();
        Interlocked.Increment(ref _openCount);
        TryEnqueue(new WriterCommand(WriterCommandKind.Open, recorder, default, 0, null, 0));
        return recorder;
    }

    /// <summary>Stops accepting audio, finishes every open conversation's file and waits for the loop to end.</summary>
    public async ValueTask DisposeAsync()
    {
        await _flushTimer.DisposeAsync();
        _commands.Writer.TryComplete();
        await _loop;
    }

    internal ArrayPool<short> Buffers => _buffers;

    internal bool TryEnqueue(WriterCommand command) => _commands.Writer.TryWrite(command);

    private async Task RunAsync()
    {
        await foreach (var command in _commands.Reader.ReadAllAsync())
        {
            switch (command.Kind)
            {
                case WriterCommandKind.Open:
                    _open.Add(command.Recorder!);
                    break;
                case WriterCommandKind.Audio:
                    WriteAudio(command);
                    break;
                case WriterCommandKind.Finish:
                    Finish(command.Recorder!);
                    break;
                case WriterCommandKind.Flush:
                    FlushAll();
                    break;
            }
        }

        foreach (var recorder in _open.ToArray())
        {
            Finish(recorder);
        }
    }

    private void WriteAudio(in WriterCommand command)
    {
        var recorder = command.Recorder!;
        try
        {
            if (recorder.Failed || recorder.Timeline is not { } timeline)
            {
                return;
            }

            var before = timeline.DataBytes;
            timeline.Place(command.Channel, command.Position, command.Buffer.AsSpan(0, command.Count));
            _metrics.BytesWritten(timeline.DataBytes - before);
        }
        catch (IOException exception)
        {
            Fail(recorder, exception);
        }
        finally
        {
            _buffers.Return(command.Buffer!);
        }
    }

    private void Finish(ConversationRecorder recorder)
    {
        _open.Remove(recorder);
        if (recorder.Timeline is { } timeline)
        {
            try
            {
                if (!recorder.Failed)
                {
                    var before = timeline.DataBytes;
                    timeline.CommitAll();
                    _metrics.BytesWritten(timeline.DataBytes - before);
                }

                timeline.Dispose();
            }
            catch (IOException exception)
            {
                Fail(recorder, exception);
            }
        }

        Interlocked.Decrement(ref _openCount);
        recorder.Complete();
    }

    private void FlushAll()
    {
        _diskGuard?.Check();
        foreach (var recorder in _open)
        {
            try
            {
                recorder.Timeline?.Flush();
            }
            catch (IOException exception)
            {
                Fail(recorder, exception);
            }
        }

        _open.RemoveWhere(r => r.Failed);
    }

    private void Fail(ConversationRecorder recorder, IOException exception)
    {
        if (recorder.Failed)
        {
            return;
        }

        recorder.Failed = true;
        _metrics.WriteFailed();
        RecordingLog.WriteFailed(_logger, recorder.Path, exception);
        try
        {
            recorder.Timeline?.Dispose();
        }
        catch (IOException)
        {
            // The file is already in trouble; what reached the disk is kept and recovery repairs it.
        }
    }
}
