using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Transport;

/// <summary>Parses one received datagram and hands the result to the sink (shared by the UDP and loop transports).</summary>
internal static class SipDatagram
{
    public static void Deliver(ISipTransportSink sink, ReadOnlyMemory<byte> datagram, SipSource source, bool copy)
    {
        SipMessage? message;
        SipRejection rejection;
        var status = copy
            ? sink.Parser.ParseDatagramCopy(datagram, out message, out rejection)
            : sink.Parser.ParseDatagram(datagram, out message, out rejection);
        switch (status)
        {
            case SipParseStatus.Complete:
                sink.OnMessage(message!, source);
                break;
            case SipParseStatus.Rejected:
                sink.OnRejected(rejection, message, source);
                break;
            default:
                // Only CRLF keep-alives (RFC 5626 4.4.1): nothing to do.
                break;
        }
    }
}
