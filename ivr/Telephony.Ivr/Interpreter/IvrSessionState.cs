namespace Telephony.Ivr.Interpreter;

/// <summary>Where a call's menu session is: running nodes, parked while the ACD has the call, or done with the call.</summary>
internal enum IvrSessionState
{
    Created,
    Running,
    InQueue,
    Finished,
}
