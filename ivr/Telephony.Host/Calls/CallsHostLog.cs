namespace Telephony.Host.Calls;

internal static partial class CallsHostLog
{
    [LoggerMessage(EventId = 9350, Level = LogLevel.Warning, Message = "Menu tree {TreeId} could not be read ({Reason}); the built-in demo tree answers")]
    public static partial void MenuFromFallback(ILogger logger, string treeId, string reason);
}
