using Microsoft.Extensions.Logging;
using Npgsql;
using Telephony.Media.Wav;
using Telephony.Recording.Encryption;
using Telephony.Recording.Recorder;
using Telephony.Recording.Retention;
using Telephony.Recording.Store;

namespace Telephony.Recording;

/// <summary>
/// What the call layer calls: start recording at bridge, finish at hang-up, and register voicemail files. Recording trouble
/// (disk low or failing, database away at start) is logged and counted and yields an unrecorded call, never a broken one.
/// </summary>
public sealed class RecordingService
{
    private readonly RecordingStore _store;
    private readonly RecordingWriterLoop _loop;
    private readonly RecordingOptions _options;
    private readonly DiskSpaceGuard _diskGuard;
    private readonly RecordingFinisher _finisher;
    private readonly TimeProvider _timeProvider;
    private readonly RecordingMetrics _metrics;
    private readonly ILogger _logger;

    public RecordingService(
        RecordingStore store,
        RecordingWriterLoop loop,
        RecordingOptions options,
        DiskSpaceGuard diskGuard,
        RecordingCipher? cipher,
        TimeProvider timeProvider,
        RecordingMetrics metrics,
        ILogger<RecordingService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _loop = loop;
        _options = options;
        _diskGuard = diskGuard;
        _finisher = new RecordingFinisher(store, options, cipher);
        _timeProvider = timeProvider;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>At bridge: creates the row (status <c>recording</c>) and the stereo file, and returns what the media tap feeds.</summary>
    public async Task<ActiveRecording> StartConversationAsync(RecordingStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        var row = NewRow(start, RecordingKind.Conversation);
        if (_diskGuard.Check() && _options.LowDiskPolicy == LowDiskPolicy.Skip)
        {
            row = row with { Status = RecordingStatus.Skipped };
            _metrics.Skipped();
            RecordingLog.RecordingSkipped(_logger, row.Id);
            return await InsertOrSkipAsync(row, cancellationToken);
        }

        var active = await InsertOrSkipAsync(row, cancellationToken);
        if (active.Row.Status != RecordingStatus.Recording)
        {
            return active;
        }

        try
        {
            var recorder = _loop.Start(_finisher.FullPath(row.Path));
            _metrics.Started();
            return new ActiveRecording(row, recorder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            RecordingLog.StartFailed(_logger, row.Id, exception);
            _metrics.WriteFailed();
            return new ActiveRecording(await _finisher.FinishAsync(row, RecordingStatus.Interrupted, null, cancellationToken), null);
        }
    }

    /// <summary>
    /// At hang-up: closes the file and writes duration, size, SHA-256, codec and the length check against
    /// <paramref name="talkTime"/> (the call record's talk time) to the row. Returns the finished row.
    /// </summary>
    public async Task<RecordingRow> FinishConversationAsync(ActiveRecording recording, TimeSpan talkTime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recording);
        if (recording.Recorder is null)
        {
            return recording.Row;
        }

        var file = await recording.Recorder.FinishAsync(cancellationToken);
        if (file.Failed && File.Exists(file.Path))
        {
            // The writer stopped mid-call; its header may lag the bytes on disk, as after a crash.
            RepairQuietly(recording.Row.Id, file.Path);
        }

        var row = await _finisher.FinishAsync(recording.Row, file.Failed ? RecordingStatus.Interrupted : RecordingStatus.Complete, talkTime, cancellationToken);
        if (row.LengthMismatch)
        {
            _metrics.LengthMismatch();
            RecordingLog.LengthMismatch(_logger, row.Id, row.DurationMs ?? 0, row.TalkMs ?? 0);
        }

        return row;
    }

    /// <summary>Before the voicemail beep: creates the row and returns the path the call layer records the caller to.</summary>
    public async Task<VoicemailTarget> BeginVoicemailAsync(RecordingStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        var row = NewRow(start, RecordingKind.Voicemail);
        await _store.InsertAsync(row, cancellationToken);
        var path = _finisher.FullPath(row.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new VoicemailTarget(row.Id, path);
    }

    /// <summary>After the call layer closed the voicemail file: registers its facts (a missing file makes it interrupted).</summary>
    public async Task<RecordingRow> CompleteVoicemailAsync(Guid recordingId, CancellationToken cancellationToken)
    {
        var row = await _store.GetAsync(recordingId, cancellationToken)
            ?? throw new KeyNotFoundException($"No recording {recordingId}.");
        return await _finisher.FinishAsync(row, RecordingStatus.Complete, null, cancellationToken);
    }

    private void RepairQuietly(Guid recordingId, string path)
    {
        try
        {
            WavRepair.Repair(path);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            RecordingLog.InterruptedUnreadable(_logger, recordingId, path, exception);
        }
    }

    private RecordingRow NewRow(RecordingStart start, RecordingKind kind)
    {
        var now = _timeProvider.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        return new RecordingRow
        {
            Id = id,
            CallId = start.CallId,
            Kind = kind,
            HostId = _options.HostId,
            AgentId = start.AgentId,
            QueueId = start.QueueId,
            Language = start.Language,
            StartedAt = now,
            Path = RecordingFiles.RelativePath(id, now),
            Status = RecordingStatus.Recording,
        };
    }

    private async Task<ActiveRecording> InsertOrSkipAsync(RecordingRow row, CancellationToken cancellationToken)
    {
        try
        {
            await _store.InsertAsync(row, cancellationToken);
            return new ActiveRecording(row, null);
        }
        catch (NpgsqlException exception)
        {
            // Without a row, recovery could never find the file: record nothing rather than an orphan.
            RecordingLog.StartFailed(_logger, row.Id, exception);
            return new ActiveRecording(row with { Status = RecordingStatus.Skipped }, null);
        }
    }
}
