namespace Telephony.Recording.Recorder;

/// <summary>The two parties of a bridged conversation; the value is the channel's index in the stereo file.</summary>
public enum RecordingChannel
{
    /// <summary>The citizen: left channel.</summary>
    Caller = 0,

    /// <summary>The agent: right channel.</summary>
    Agent = 1,
}
