using Telephony.Sip.Messages;

namespace Telephony.Sip.Parsing;

/// <summary>What the start line said, as offsets into the message.</summary>
internal struct StartLine
{
    public bool IsResponse;
    public SipMethod Method;
    public int MethodLength;
    public int UriStart;
    public int UriLength;
    public int StatusCode;
    public int ReasonStart;
    public int ReasonLength;

    /// <summary>A start-line fault found after enough was read to build a message that can be answered.</summary>
    public SipRejectReason DeferredFault;
}
