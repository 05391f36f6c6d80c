using Microsoft.Extensions.Logging;

namespace Telephony.Ivr.Store;

/// <summary>The IVR store's log events (Ivr band, 3100–3199).</summary>
internal static partial class IvrStoreLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Menu tree {TreeId} draft saved by {Actor}")]
    public static partial void DraftSaved(ILogger logger, string treeId, string actor);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Menu tree {TreeId} version {Version} published by {Actor} and in force")]
    public static partial void Published(ILogger logger, string treeId, int version, string actor);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Menu tree {TreeId} refused: {FaultCount} faults, first: {FirstFault}")]
    public static partial void Refused(ILogger logger, string treeId, int faultCount, string firstFault);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "Menu tree {TreeId} rolled back to version {FromVersion} as version {Version} by {Actor}")]
    public static partial void RolledBack(ILogger logger, string treeId, int fromVersion, int version, string actor);
}
