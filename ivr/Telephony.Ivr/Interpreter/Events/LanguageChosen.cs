using Telephony.Ivr.Model;

namespace Telephony.Ivr.Interpreter.Events;

/// <summary>The call's language was set: by the caller's key, or to the tree's default when <see cref="ByDefault"/>.</summary>
public sealed record LanguageChosen(DateTimeOffset At, string NodeId, Language Language, bool ByDefault) : IvrEvent(At, NodeId);
