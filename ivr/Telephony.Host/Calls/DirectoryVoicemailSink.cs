using System.Globalization;
using Telephony.Ivr.Interpreter;

namespace Telephony.Host.Calls;

/// <summary>Voicemail files under DATA/voicemail/&lt;mailbox&gt;/yyyy/MM/dd/, one per call.</summary>
internal sealed class DirectoryVoicemailSink(string root) : IVoicemailSink
{
    public string NewMessagePath(string mailbox, Guid callId, DateTimeOffset at)
    {
        var safeMailbox = new string(mailbox.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').ToArray());
        var directory = Path.Combine(root, safeMailbox.Length > 0 ? safeMailbox : "general", at.UtcDateTime.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, callId.ToString("N") + ".wav");
    }
}
