using Telephony.Calls.Control;

namespace Telephony.Ivr.Interpreter;

/// <summary>
/// A transfer the menu made: the caller is bridged to <see cref="Leg"/>, the outbound call to <see cref="Number"/>.
/// The host owns both legs from here: when one ends it hangs up the other.
/// </summary>
public sealed record TransferredCall(string Number, ICall Leg);
