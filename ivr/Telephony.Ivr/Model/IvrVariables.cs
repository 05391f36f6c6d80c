namespace Telephony.Ivr.Model;

/// <summary>Call variables the interpreter sets by itself; say nodes may read them without a collect node.</summary>
public static class IvrVariables
{
    /// <summary>The caller's number as received (may be empty when withheld).</summary>
    public const string CallerNumber = "callerNumber";

    /// <summary>The caller's position in the queue, 1 for next.</summary>
    public const string QueuePosition = "queuePosition";

    /// <summary>Estimated wait in whole minutes.</summary>
    public const string EstimatedWaitMinutes = "estimatedWaitMinutes";

    /// <summary>Today's date in the schedule's time zone.</summary>
    public const string Today = "today";

    /// <summary>The current local time.</summary>
    public const string Now = "now";

    public static IReadOnlyList<string> BuiltIn { get; } = [CallerNumber, QueuePosition, EstimatedWaitMinutes, Today, Now];
}
