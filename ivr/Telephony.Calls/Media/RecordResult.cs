namespace Telephony.Calls.Media;

public sealed record RecordResult(TimeSpan Duration, RecordEnd End);
