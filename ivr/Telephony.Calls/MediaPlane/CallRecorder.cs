using System.Buffers;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Telephony.Calls.Media;
using Telephony.Media.Audio;
using Telephony.Media.Wav;

namespace Telephony.Calls.MediaPlane;

/// <summary>
/// Records the caller's decoded audio to an 8 kHz mono PCM WAV. The media thread copies each frame
/// into a pooled buffer and queues it; a writer task appends to the file and rewrites the header
/// sizes every second, so the file is valid at any moment (a crash loses at most a second, which
/// <see cref="WavRepair"/> recovers). The recording ends at the maximum duration, on the stop digit,
/// when cancelled, or when the call ends.
/// </summary>
internal sealed class CallRecorder : IPcmSink
{
    private const int FramesPerFlush = 50;

    private readonly Channel<(short[] Samples, int Length)> _frames = Channel.CreateUnbounded<(short[], int)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly TaskCompletionSource<RecordEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly WavWriter _writer;
    private readonly long _maxSamples;
    private readonly string _path;
    private readonly ILogger _logger;
    private readonly Task _writeTask;
    private long _queuedSamples;
    private long _writtenSamples;
    private volatile bool _closed;

    public CallRecorder(string path, TimeSpan maxDuration, char? stopDigit, ILogger logger)
    {
        _path = path;
        _logger = logger;
        StopDigit = stopDigit;
        _maxSamples = (long)(maxDuration.TotalSeconds * PcmFrame.SampleRate);
        _writer = WavWriter.Create(path, WavFormat.Pcm8kMono);
        _writer.Flush();
        _writeTask = Task.Run(WriteLoopAsync);
    }

    public char? StopDigit { get; }

    /// <summary>Why the recording ended, once it did.</summary>
    public Task<RecordEnd> Ended => _ended.Task;

    /// <summary>Ends the recording (the first reason wins).</summary>
    public void Stop(RecordEnd end) => _ended.TrySetResult(end);

    /// <summary>Takes one frame of caller audio (media thread).</summary>
    public void Write(ReadOnlySpan<short> frame)
    {
        if (_closed || _ended.Task.IsCompleted)
        {
            return;
        }

        var length = (int)Math.Min(frame.Length, _maxSamples - _queuedSamples);
        if (length > 0)
        {
            var copy = ArrayPool<short>.Shared.Rent(length);
            frame[..length].CopyTo(copy);
            if (!_frames.Writer.TryWrite((copy, length)))
            {
                ArrayPool<short>.Shared.Return(copy);
                return;
            }

            _queuedSamples += length;
        }

        if (_queuedSamples >= _maxSamples)
        {
            Stop(RecordEnd.MaxDuration);
        }
    }

    /// <summary>Writes what is queued, closes the file and returns the recorded duration.</summary>
    public async Task<TimeSpan> CloseAsync()
    {
        _closed = true;
        _frames.Writer.TryComplete();
        await _writeTask.ConfigureAwait(false);
        return TimeSpan.FromSeconds((double)Interlocked.Read(ref _writtenSamples) / PcmFrame.SampleRate);
    }

    private async Task WriteLoopAsync()
    {
        var frames = 0;
        try
        {
            await foreach (var (samples, length) in _frames.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                _writer.WriteSamples(samples.AsSpan(0, length));
                ArrayPool<short>.Shared.Return(samples);
                Interlocked.Add(ref _writtenSamples, length);
                if (++frames % FramesPerFlush == 0)
                {
                    _writer.Flush();
                }
            }
        }
        catch (IOException exception)
        {
            CallMediaLog.RecordingFailed(_logger, _path, exception);
            Stop(RecordEnd.CallEnded);
        }
        finally
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }
    }
}
