using System.Net;

namespace Telephony.Recording.Store;

/// <summary>One row of <c>recording_access_log</c>: who played or downloaded which recording, when, from where.</summary>
public sealed record RecordingAccess(Guid RecordingId, DateTimeOffset At, string User, RecordingAccessAction Action, IPAddress? SourceIp);
