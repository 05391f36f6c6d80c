using Telephony.Calls.Control;
using Telephony.Ivr.Interpreter.Prompts;

namespace Telephony.Ivr.Interpreter;

/// <summary>The ports every session of one interpreter shares.</summary>
internal sealed record IvrServices(IPromptLibrary Prompts, IVoicemailSink Voicemail, ICallBackend Dialer, TimeProvider Time);
