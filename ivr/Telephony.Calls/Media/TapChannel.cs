namespace Telephony.Calls.Media;

/// <summary>Which side of a bridged conversation: the recording puts the caller on the left and the agent on the right.</summary>
public enum TapChannel
{
    Caller,
    Agent,
}
