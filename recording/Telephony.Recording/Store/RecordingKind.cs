namespace Telephony.Recording.Store;

/// <summary>What was recorded.</summary>
public enum RecordingKind
{
    /// <summary>A bridged conversation: stereo, caller left, agent right.</summary>
    Conversation,

    /// <summary>A caller's voicemail, mono, written by the call layer.</summary>
    Voicemail,
}
