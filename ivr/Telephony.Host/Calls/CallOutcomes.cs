namespace Telephony.Host.Calls;

/// <summary>The call_records outcome values (its CHECK constraint lists exactly these).</summary>
public static class CallOutcomes
{
    public const string Answered = "answered";
    public const string Abandoned = "abandoned";
    public const string Overflowed = "overflowed";
    public const string Voicemail = "voicemail";
    public const string CallbackRequested = "callback-requested";
    public const string IvrCompleted = "ivr-completed";
    public const string IvrAbandoned = "ivr-abandoned";
    public const string AfterHours = "after-hours";
    public const string Rejected = "rejected";
    public const string Failed = "failed";
    public const string Transferred = "transferred";
}
