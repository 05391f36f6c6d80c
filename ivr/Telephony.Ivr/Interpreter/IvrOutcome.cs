using Telephony.Ivr.Hours;
using Telephony.Ivr.Interpreter.Events;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Interpreter;

/// <summary>
/// How a call left the menu and what it collected on the way. For <see cref="IvrExit.HandedToQueue"/> the outcome is
/// also the handle to resume the menu (<see cref="IvrInterpreter.ResumeAfterAgentAsync"/>, <see cref="IvrInterpreter.ResumeAtOverflowAsync"/>).
/// </summary>
public sealed record IvrOutcome
{
    public required IvrExit Exit { get; init; }

    /// <summary>Node at which the call left the menu.</summary>
    public required string ExitNode { get; init; }

    /// <summary>The caller's language at the end (the tree's default when never chosen).</summary>
    public required Language Language { get; init; }

    public required IvrCallPath Path { get; init; }

    /// <summary>Set when a queue node handed the call to the ACD (kept after a resume).</summary>
    public QueueHandoff? Queue { get; init; }

    public TransferredCall? Transfer { get; init; }

    public CallbackRequest? Callback { get; init; }

    public VoicemailMessage? Voicemail { get; init; }

    /// <summary>The last hours check's result; Closed or Holiday means the caller reached an after-hours branch.</summary>
    public HoursState? Hours { get; init; }

    /// <summary>Call variables (collected digits, unmasked, and those the host gave).</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>Survey id → score 1–5.</summary>
    public IReadOnlyDictionary<string, int> SurveyScores => Path.Events.OfType<SurveyAnswered>()
        .GroupBy(e => e.SurveyId, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Last().Score, StringComparer.Ordinal);

    /// <summary>What the call amounted to, for the call record's outcome column.</summary>
    public IvrDisposition Disposition => Exit switch
    {
        IvrExit.MenuFault or IvrExit.Stopped => IvrDisposition.Failed,
        IvrExit.Transferred => IvrDisposition.Transferred,
        _ when Callback is not null => IvrDisposition.CallbackRequested,
        _ when Voicemail is not null => IvrDisposition.VoicemailLeft,
        _ when Queue is not null => IvrDisposition.Queued,
        _ when Hours is HoursState.Closed or HoursState.Holiday => IvrDisposition.AfterHours,
        IvrExit.CallerHungUp => IvrDisposition.AbandonedInMenu,
        _ => IvrDisposition.EndedByMenu,
    };

    /// <summary>The call's menu state, kept so a queued call can resume; null once the menu is done with the call.</summary>
    internal IvrSession? Session { get; init; }
}
