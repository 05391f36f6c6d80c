namespace Telephony.Host.Ivr;

/// <summary>The IVR administration's log events (host band, 9200–9299).</summary>
internal static partial class IvrAdminLog
{
    [LoggerMessage(EventId = 9201, Level = LogLevel.Information, Message = "Demo menu tree {TreeId} seeded as version {Version}; holiday calendar {CalendarId} seeded: {CalendarAdded}")]
    public static partial void DemoSeeded(ILogger logger, string treeId, int version, string calendarId, bool calendarAdded);

    [LoggerMessage(EventId = 9202, Level = LogLevel.Information, Message = "Prompts of menu tree {TreeId} version {Version} rendered: {Count} prompts, {Synthesised} synthesised now")]
    public static partial void PromptsRendered(ILogger logger, string treeId, int version, int count, int synthesised);

    [LoggerMessage(EventId = 9212, Level = LogLevel.Information, Message = "{Count} rendered prompts decoded for calls ahead of use")]
    public static partial void PromptsPreloaded(ILogger logger, int count);

    [LoggerMessage(EventId = 9203, Level = LogLevel.Error, Message = "Prompts of menu tree {TreeId} could not be rendered: {Reason}")]
    public static partial void PromptsFailed(ILogger logger, string treeId, string reason);

    [LoggerMessage(EventId = 9204, Level = LogLevel.Warning, Message = "Demo menu tree {TreeId} was refused by validation: {Faults}")]
    public static partial void DemoRefused(ILogger logger, string treeId, string faults);

    [LoggerMessage(EventId = 9210, Level = LogLevel.Information, Message = "Spoken vocabulary rendered: {Count} words synthesised now")]
    public static partial void VocabularyRendered(ILogger logger, int count);

    [LoggerMessage(EventId = 9211, Level = LogLevel.Warning, Message = "Spoken vocabulary could not be rendered: {Reason}")]
    public static partial void VocabularyFailed(ILogger logger, string reason);
}
