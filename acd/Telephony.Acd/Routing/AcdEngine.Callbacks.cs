namespace Telephony.Acd.Routing;

public sealed partial class AcdEngine
{
    /// <summary>
    /// A waiting caller asked to be called back and hangs up: it keeps its place (enqueue time, priority, any offer in
    /// progress) and waits without a maximum, since no live leg is there to overflow. The host dials it when an agent
    /// is reserved for it, exactly as for a live caller.
    /// </summary>
    public AcdResult MarkCallback(string callId)
    {
        if (callId is null || !_callers.TryGetValue(callId, out var caller))
        {
            return Reject(AcdRejection.UnknownCall);
        }

        caller.IsCallback = true;
        return Finish();
    }
}
