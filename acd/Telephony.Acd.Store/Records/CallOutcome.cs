namespace Telephony.Acd.Store.Records;

/// <summary>How a call ended, as stored in call_records.outcome (kebab-case words).</summary>
public enum CallOutcome
{
    Answered,
    Abandoned,
    Overflowed,
    Voicemail,
    CallbackRequested,
    IvrCompleted,
    IvrAbandoned,
    AfterHours,
    Rejected,
    Failed,
    Transferred,
}
