namespace Telephony.Host.Calls;

/// <summary>Where a hotline call is: in the menu (before the queue, or after the agent for the survey), waiting, or talking.</summary>
public enum HotlineCallPhase
{
    Menu,
    Queue,
    Talking,
}
