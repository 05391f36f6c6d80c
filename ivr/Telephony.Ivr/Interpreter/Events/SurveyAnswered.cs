namespace Telephony.Ivr.Interpreter.Events;

/// <summary>The caller scored survey <see cref="SurveyId"/> with <see cref="Score"/> (1–5).</summary>
public sealed record SurveyAnswered(DateTimeOffset At, string NodeId, string SurveyId, int Score) : IvrEvent(At, NodeId);
