using System.Net;
using Microsoft.Extensions.Logging;

// The module's single SipLog class is partial; this part lives with the registrar but must share the class's namespace.
namespace Telephony.Sip;

/// <summary>The registrar's log events (1100–1119 of the Sip band).</summary>
internal static partial class SipLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "SIP registration of {Aor} from {Source}: {Count} bindings")]
    public static partial void Registered(ILogger logger, string aor, IPEndPoint source, int count);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "SIP authentication of {UserName} from {Source} failed: {Reason}")]
    public static partial void AuthenticationFailed(ILogger logger, string userName, IPEndPoint source, string reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "SIP authentication locked for {Kind} {Key} after repeated failures, for {Lockout}")]
    public static partial void LockedOut(ILogger logger, string kind, string key, TimeSpan lockout);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Debug, Message = "SIP REGISTER for {UserName} from {Source} refused: locked out")]
    public static partial void RefusedWhileLocked(ILogger logger, string userName, IPEndPoint source);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "SIP REGISTER from {Source}: {UserName} may not register {Aor}")]
    public static partial void AorMismatch(ILogger logger, string userName, string aor, IPEndPoint source);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information, Message = "SIP REGISTER from {Source}: credentials replayed or stale for {UserName}; challenged again")]
    public static partial void StaleCredentials(ILogger logger, string userName, IPEndPoint source);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Error, Message = "SIP registrar failed on a REGISTER from {Source}; answered 500")]
    public static partial void RegistrarFailed(ILogger logger, IPEndPoint source, Exception exception);
}
