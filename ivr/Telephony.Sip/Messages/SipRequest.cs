using System.Text;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Messages;

/// <summary>A parsed SIP request.</summary>
public sealed class SipRequest : SipMessage
{
    private readonly int _methodLength;
    private readonly int _uriStart;
    private readonly int _uriLength;
    private string? _methodName;
    private SipUri? _requestUri;

    internal SipRequest(ReadOnlyMemory<byte> bytes, SipHeaderEntry[] headers, int bodyStart, int bodyLength, SipMethod method, int methodLength, int uriStart, int uriLength)
        : base(bytes, headers, bodyStart, bodyLength)
    {
        Method = method;
        _methodLength = methodLength;
        _uriStart = uriStart;
        _uriLength = uriLength;
    }

    public override bool IsRequest => true;

    public SipMethod Method { get; }

    /// <summary>The method token (the canonical name for known methods, the sent text for extensions).</summary>
    public string MethodName => _methodName ??= Method == SipMethod.Extension
        ? Encoding.UTF8.GetString(MethodBytes)
        : SipMethods.GetName(Method);

    /// <summary>The method token as sent.</summary>
    public ReadOnlySpan<byte> MethodBytes => Bytes.Span[.._methodLength];

    public ReadOnlyMemory<byte> RequestUriBytes => Bytes.Slice(_uriStart, _uriLength);

    /// <summary>The Request-URI; the parser has already checked that it is well formed.</summary>
    public SipUri RequestUri
    {
        get
        {
            if (_requestUri is null)
            {
                if (!SipUri.TryParse(RequestUriBytes, out var uri))
                {
                    SipThrow.InvalidOperation("The Request-URI of this request is malformed; the parser rejected the request.");
                }

                _requestUri = uri;
            }

            return _requestUri!;
        }
    }
}
