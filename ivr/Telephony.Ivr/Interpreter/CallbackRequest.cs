using Telephony.Ivr.Model;

namespace Telephony.Ivr.Interpreter;

/// <summary>
/// A call-back the caller asked for: the number to call (the presented caller number they confirmed, or one they typed
/// that matched the node's pattern), and who should call (queue and skills, including the language skill).
/// </summary>
public sealed record CallbackRequest(string Number, bool IsCallerNumber, string Queue, IReadOnlyList<string> Skills, Language Language);
