using System.Text;

namespace Telephony.Sip.Messages;

/// <summary>A parsed SIP response.</summary>
public sealed partial class SipResponse : SipMessage
{
    private readonly int _reasonStart;
    private readonly int _reasonLength;
    private string? _reasonPhrase;

    internal SipResponse(ReadOnlyMemory<byte> bytes, SipHeaderEntry[] headers, int bodyStart, int bodyLength, int statusCode, int reasonStart, int reasonLength)
        : base(bytes, headers, bodyStart, bodyLength)
    {
        StatusCode = statusCode;
        _reasonStart = reasonStart;
        _reasonLength = reasonLength;
    }

    public override bool IsRequest => false;

    public int StatusCode { get; }

    /// <summary>The reason phrase as sent (UTF-8; may be empty).</summary>
    public string ReasonPhrase => _reasonPhrase ??= Encoding.UTF8.GetString(Bytes.Span.Slice(_reasonStart, _reasonLength));

    public bool IsProvisional => StatusCode < 200;

    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
