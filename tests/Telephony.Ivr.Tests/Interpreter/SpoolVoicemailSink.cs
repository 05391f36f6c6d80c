using Telephony.Ivr.Interpreter;

namespace Telephony.Ivr.Tests.Interpreter;

public sealed class SpoolVoicemailSink : IVoicemailSink
{
    public string NewMessagePath(string mailbox, Guid callId, DateTimeOffset at) => $"/spool/voicemail/{mailbox}/{callId:N}.wav";
}
