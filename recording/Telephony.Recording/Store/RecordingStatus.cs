namespace Telephony.Recording.Store;

/// <summary>Where a recording is in its life (<c>recordings.status</c>).</summary>
public enum RecordingStatus
{
    /// <summary>Being written now, or the writer died (start-up recovery turns those into <see cref="Interrupted"/>).</summary>
    Recording,

    /// <summary>Finished normally: duration, size, hash and codec are set.</summary>
    Complete,

    /// <summary>The writer stopped early (process killed, write failure); the file was repaired and is playable.</summary>
    Interrupted,

    /// <summary>Not recorded because the recordings disk was low (<see cref="LowDiskPolicy.Skip"/>).</summary>
    Skipped,
}
