namespace Telephony.Ivr.Interpreter;

/// <summary>Where voice messages are recorded; the recording store implements it (spool directory, retention, encryption at rest).</summary>
public interface IVoicemailSink
{
    /// <summary>A new, unused file path for a message to <paramref name="mailbox"/> on call <paramref name="callId"/>; its directory exists.</summary>
    string NewMessagePath(string mailbox, Guid callId, DateTimeOffset at);
}
