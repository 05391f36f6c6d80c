using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Transport;

/// <summary>What a transport hands its messages to (the stack, or a test).</summary>
public interface ISipTransportSink
{
    /// <summary>The parser (and its limits) every transport of the stack uses.</summary>
    SipMessageParser Parser { get; }

    /// <summary>A well-formed message. Called on the transport's receive thread: hand it off quickly.</summary>
    void OnMessage(SipMessage message, SipSource source);

    /// <summary>
    /// A message the parser refused. <paramref name="message"/> is set when its header section could be read, so a
    /// request can be answered with the rejection's status and reason phrase.
    /// </summary>
    void OnRejected(SipRejection rejection, SipMessage? message, SipSource source);
}
