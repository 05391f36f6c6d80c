namespace Telephony.Host.Demo;

internal static partial class DemoLog
{
    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning,
        Message = "Demo hotline seeded. Credentials (shown once) are in {Path}; staff: {Staff}")]
    public static partial void Seeded(ILogger logger, string path, string staff);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "Demo data already present; credentials are in {Path}")]
    public static partial void AlreadySeeded(ILogger logger, string path);
}
