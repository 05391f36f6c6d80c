namespace Telephony.Host.Sip;

internal static partial class SipHostLog
{
    [LoggerMessage(EventId = 9501, Level = LogLevel.Information, Message = "SIP listening: {Transports}")]
    public static partial void Listening(ILogger logger, string transports);

    [LoggerMessage(EventId = 9502, Level = LogLevel.Error, Message = "SIP not listening: {Reason}")]
    public static partial void NotListening(ILogger logger, string reason);

    [LoggerMessage(EventId = 9503, Level = LogLevel.Warning, Message = "SIP TLS uses a self-signed certificate ({State}): {Path}; configure Sip:TlsCertificatePath and Sip:TlsKeyPath for production")]
    public static partial void SelfSignedCertificate(ILogger logger, string path, string state);
}
