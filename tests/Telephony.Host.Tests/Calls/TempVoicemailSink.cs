using Telephony.Ivr.Interpreter;

namespace Telephony.Host.Tests.Calls;

/// <summary>Voice messages go to the temp directory (the scripted call records nothing into them).</summary>
public sealed class TempVoicemailSink : IVoicemailSink
{
    public string NewMessagePath(string mailbox, Guid callId, DateTimeOffset at) => Path.Combine(Path.GetTempPath(), $"{mailbox}-{callId:N}.wav");
}
