namespace Telephony.Host.Calls;

internal static partial class CallsHostLog
{
    [LoggerMessage(EventId = 9350, Level = LogLevel.Warning, Message = "Menu tree {TreeId} could not be read ({Reason}); the built-in demo tree answers")]
    public static partial void MenuFromFallback(ILogger logger, string treeId, string reason);

    [LoggerMessage(EventId = 9351, Level = LogLevel.Warning, Message = "MENU CLOCK IS SET (Telephony:MenuClock = {Setting}): the menu's hours and holidays follow a clock that {Description}, not the real time. Remove the setting for live service")]
    public static partial void MenuClockSet(ILogger logger, string setting, string description);

    [LoggerMessage(EventId = 9352, Level = LogLevel.Warning, Message = "This call's menu decides hours as at {MenuTime:O} (Telephony:MenuClock = {Setting}), not the real time")]
    public static partial void CallOnMenuClock(ILogger logger, DateTimeOffset menuTime, string setting);
}
