namespace Telephony.Recording;

/// <summary>What happens to a new conversation while the recordings disk is below its free-space threshold.</summary>
public enum LowDiskPolicy
{
    /// <summary>Record anyway (the alarm is raised); a write that then fails ends that recording, never the call.</summary>
    KeepRecording,

    /// <summary>Do not record; the recording row is kept with status <c>skipped</c>.</summary>
    Skip,
}
