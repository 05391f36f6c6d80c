namespace Telephony.Acd.Queues;

public enum OverflowReason
{
    MaxWaitReached,
    QueueFull,
    NoAgentsLoggedIn,
}
