namespace Telephony.Recording.Store;

/// <summary>What a user did with a recording (<c>recording_access_log.action</c>).</summary>
public enum RecordingAccessAction
{
    Play,
    Download,
}
