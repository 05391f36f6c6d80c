using System.Buffers;
using System.Globalization;
using System.Text;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Messages;

/// <summary>
/// Builds a request or response and writes it to an <see cref="IBufferWriter{T}"/>: start line, headers in the order
/// added, a Content-Length computed from the body, the empty line and the body. Values copied from a received message
/// stay as its bytes until written; <see cref="ToArray"/> measures first and writes once into an array of the exact size.
/// </summary>
public sealed class SipMessageBuilder
{
    // Enough for a typical response (Via, From, To, Call-ID, CSeq and a handful more) without the list growing.
    private const int TypicalHeaderCount = 10;

    private readonly string? _method;
    private readonly string? _requestUri;
    private readonly int _statusCode;
    private readonly string? _reasonPhrase;
    private readonly List<SipHeaderLine> _headers = new(TypicalHeaderCount);
    private ReadOnlyMemory<byte> _body;

    private SipMessageBuilder(string method, string requestUri)
    {
        _method = method;
        _requestUri = requestUri;
    }

    private SipMessageBuilder(int statusCode, string reasonPhrase)
    {
        _statusCode = statusCode;
        _reasonPhrase = reasonPhrase;
    }

    public static SipMessageBuilder Request(SipMethod method, string requestUri) =>
        method == SipMethod.Extension
            ? throw new ArgumentException("Name extension methods with the string overload.", nameof(method))
            : Request(SipMethods.GetName(method), requestUri);

    public static SipMessageBuilder Request(string methodName, string requestUri)
    {
        ArgumentNullException.ThrowIfNull(methodName);
        if (!IsToken(methodName))
        {
            throw new ArgumentException($"'{methodName}' is not a method token.", nameof(methodName));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(requestUri);
        if (requestUri.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("A Request-URI has no whitespace.", nameof(requestUri));
        }

        return new SipMessageBuilder(methodName, requestUri);
    }

    public static SipMessageBuilder Response(int statusCode, string reasonPhrase)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        ArgumentNullException.ThrowIfNull(reasonPhrase);
        if (reasonPhrase.Contains('\r', StringComparison.Ordinal) || reasonPhrase.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("A reason phrase is one line.", nameof(reasonPhrase));
        }

        return new SipMessageBuilder(statusCode, reasonPhrase);
    }

    /// <summary>Adds a header. Content-Length is ignored: the builder always writes the body's length.</summary>
    public SipMessageBuilder AddHeader(string name, string value)
    {
        ValidateName(name);
        return SipHeaderNames.Lookup(name) == SipHeaderKind.ContentLength ? this : AddText(name, value);
    }

    public SipMessageBuilder AddHeader(SipHeaderKind kind, string value) =>
        kind == SipHeaderKind.ContentLength ? this : AddText(NameOf(kind), value);

    /// <summary>Adds a header whose value is bytes taken from a received message (written as they are, folding included).</summary>
    public SipMessageBuilder AddRawHeader(string name, ReadOnlyMemory<byte> value, string? suffix = null)
    {
        ValidateName(name);
        if (SipHeaderNames.Lookup(name) != SipHeaderKind.ContentLength)
        {
            _headers.Add(new SipHeaderLine(name, value, suffix));
        }

        return this;
    }

    /// <summary>Adds a header of a known kind whose value is bytes taken from a received message.</summary>
    public SipMessageBuilder AddRawHeader(SipHeaderKind kind, ReadOnlyMemory<byte> value, string? suffix = null)
    {
        if (kind != SipHeaderKind.ContentLength)
        {
            _headers.Add(new SipHeaderLine(NameOf(kind), value, suffix));
        }

        return this;
    }

    /// <summary>Copies every header of this kind from <paramref name="message"/>, in order.</summary>
    public SipMessageBuilder CopyHeaders(SipMessage message, SipHeaderKind kind)
    {
        ArgumentNullException.ThrowIfNull(message);
        for (var index = message.IndexOf(kind, 0); index >= 0; index = message.IndexOf(kind, index + 1))
        {
            AddRawHeader(kind, message.ValueMemory(index));
        }

        return this;
    }

    /// <summary>Sets the body and its Content-Type.</summary>
    public SipMessageBuilder SetBody(ReadOnlyMemory<byte> body, string contentType)
    {
        _body = body;
        return AddHeader(SipHeaderKind.ContentType, contentType);
    }

    /// <summary>Writes the message and returns the number of bytes written.</summary>
    public int WriteTo(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var length = Measure();
        var written = Write(writer.GetSpan(length));
        writer.Advance(written);
        return written;
    }

    public byte[] ToArray()
    {
        var bytes = GC.AllocateUninitializedArray<byte>(Measure());
        Write(bytes);
        return bytes;
    }

    /// <summary>Writes and parses the message back; for loopback transports and tests.</summary>
    public SipMessage Build()
    {
        var status = new SipMessageParser().ParseDatagram(ToArray(), out var message, out var rejection);
        return status == SipParseStatus.Complete
            ? message!
            : throw new InvalidOperationException($"The built message does not parse: {rejection}.");
    }

    public override string ToString() => Encoding.UTF8.GetString(ToArray());

    private static string NameOf(SipHeaderKind kind) =>
        kind == SipHeaderKind.Extension ? throw new ArgumentException("Name extension headers with the string overload.", nameof(kind)) : SipHeaderNames.GetName(kind);

    private static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!IsToken(name))
        {
            throw new ArgumentException($"'{name}' is not a header name.", nameof(name));
        }
    }

    private static bool IsToken(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAscii(c) || !SipSyntax.IsTokenChar((byte)c))
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    private SipMessageBuilder AddText(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("Header values are written on one line.", nameof(value));
        }

        _headers.Add(new SipHeaderLine(name, default, value));
        return this;
    }

    /// <summary>The exact size <see cref="Write"/> produces.</summary>
    private int Measure()
    {
        var utf8 = Encoding.UTF8;
        var length = _method is not null
            ? utf8.GetByteCount(_method) + 1 + utf8.GetByteCount(_requestUri!) + " SIP/2.0\r\n"u8.Length
            : "SIP/2.0 000 "u8.Length + utf8.GetByteCount(_reasonPhrase!) + 2;
        foreach (var header in _headers)
        {
            length += header.Name.Length + 2 + header.Raw.Length + (header.Text is null ? 0 : utf8.GetByteCount(header.Text)) + 2;
        }

        return length + "Content-Length: "u8.Length + CountDigits(_body.Length) + 4 + _body.Length;
    }

    private int Write(Span<byte> output)
    {
        var at = 0;
        if (_method is not null)
        {
            at += Text(_method, output);
            output[at++] = (byte)' ';
            at += Text(_requestUri!, output[at..]);
            at += Bytes(" SIP/2.0\r\n"u8, output[at..]);
        }
        else
        {
            at += Bytes("SIP/2.0 "u8, output);
            _statusCode.TryFormat(output[at..], out var digits, provider: CultureInfo.InvariantCulture);
            at += digits;
            output[at++] = (byte)' ';
            at += Text(_reasonPhrase!, output[at..]);
            at += Bytes("\r\n"u8, output[at..]);
        }

        foreach (var header in _headers)
        {
            at += Text(header.Name, output[at..]);
            at += Bytes(": "u8, output[at..]);
            at += Bytes(header.Raw.Span, output[at..]);
            if (header.Text is not null)
            {
                at += Text(header.Text, output[at..]);
            }

            at += Bytes("\r\n"u8, output[at..]);
        }

        at += Bytes("Content-Length: "u8, output[at..]);
        _body.Length.TryFormat(output[at..], out var lengthDigits, provider: CultureInfo.InvariantCulture);
        at += lengthDigits;
        at += Bytes("\r\n\r\n"u8, output[at..]);
        return at + Bytes(_body.Span, output[at..]);
    }

    private static int CountDigits(int value)
    {
        var digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }

    private static int Text(string text, Span<byte> output) => Encoding.UTF8.GetBytes(text, output);

    private static int Bytes(ReadOnlySpan<byte> bytes, Span<byte> output)
    {
        bytes.CopyTo(output);
        return bytes.Length;
    }
}
