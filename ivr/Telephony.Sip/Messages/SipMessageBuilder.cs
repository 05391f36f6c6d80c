using System.Buffers;
using System.Globalization;
using System.Text;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Messages;

/// <summary>
/// Builds a request or response and writes it to an <see cref="IBufferWriter{T}"/>: start line, headers in the order
/// added, a Content-Length computed from the body, the empty line and the body. Values copied from a received message
/// stay as its bytes until written.
/// </summary>
public sealed class SipMessageBuilder
{
    private readonly string _startLine;
    private readonly List<SipHeaderLine> _headers = [];
    private ReadOnlyMemory<byte> _body;

    private SipMessageBuilder(string startLine)
    {
        _startLine = startLine;
    }

    public static SipMessageBuilder Request(SipMethod method, string requestUri) =>
        method == SipMethod.Extension
            ? throw new ArgumentException("Name extension methods with the string overload.", nameof(method))
            : Request(SipMethods.GetName(method), requestUri);

    public static SipMessageBuilder Request(string methodName, string requestUri)
    {
        if (!SipSyntax.IsToken(Encoding.UTF8.GetBytes(methodName)))
        {
            throw new ArgumentException($"'{methodName}' is not a method token.", nameof(methodName));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(requestUri);
        if (requestUri.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("A Request-URI has no whitespace.", nameof(requestUri));
        }

        return new SipMessageBuilder($"{methodName} {requestUri} SIP/2.0");
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

        return new SipMessageBuilder(string.Create(CultureInfo.InvariantCulture, $"SIP/2.0 {statusCode} {reasonPhrase}"));
    }

    /// <summary>Adds a header. Content-Length is ignored: the builder always writes the body's length.</summary>
    public SipMessageBuilder AddHeader(string name, string value)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains('\r', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("Header values are written on one line.", nameof(value));
        }

        if (SipHeaderNames.Lookup(name) != SipHeaderKind.ContentLength)
        {
            _headers.Add(new SipHeaderLine(name, value, default, null));
        }

        return this;
    }

    public SipMessageBuilder AddHeader(SipHeaderKind kind, string value) => AddHeader(NameOf(kind), value);

    /// <summary>Adds a header whose value is bytes taken from a received message (written as they are, folding included).</summary>
    public SipMessageBuilder AddRawHeader(string name, ReadOnlyMemory<byte> value, string? suffix = null)
    {
        ValidateName(name);
        if (SipHeaderNames.Lookup(name) != SipHeaderKind.ContentLength)
        {
            _headers.Add(new SipHeaderLine(name, null, value, suffix));
        }

        return this;
    }

    /// <summary>Copies every header of this kind from <paramref name="message"/>, in order.</summary>
    public SipMessageBuilder CopyHeaders(SipMessage message, SipHeaderKind kind)
    {
        ArgumentNullException.ThrowIfNull(message);
        for (var index = message.IndexOf(kind, 0); index >= 0; index = message.IndexOf(kind, index + 1))
        {
            AddRawHeader(NameOf(kind), message.ValueMemory(index));
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
        var written = WriteText(writer, _startLine) + WriteBytes(writer, "\r\n"u8);
        foreach (var header in _headers)
        {
            written += WriteText(writer, header.Name) + WriteBytes(writer, ": "u8);
            written += header.Text is not null ? WriteText(writer, header.Text) : WriteBytes(writer, header.Raw.Span);
            if (header.Suffix is not null)
            {
                written += WriteText(writer, header.Suffix);
            }

            written += WriteBytes(writer, "\r\n"u8);
        }

        written += WriteBytes(writer, "Content-Length: "u8);
        var digits = writer.GetSpan(11);
        _body.Length.TryFormat(digits, out var digitCount, provider: CultureInfo.InvariantCulture);
        writer.Advance(digitCount);
        written += digitCount + WriteBytes(writer, "\r\n\r\n"u8);
        return written + WriteBytes(writer, _body.Span);
    }

    public byte[] ToArray()
    {
        var writer = new ArrayBufferWriter<byte>(256 + _body.Length);
        WriteTo(writer);
        return writer.WrittenSpan.ToArray();
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
        if (!Ascii.IsValid(name) || !SipSyntax.IsToken(Encoding.ASCII.GetBytes(name)))
        {
            throw new ArgumentException($"'{name}' is not a header name.", nameof(name));
        }
    }

    private static int WriteText(IBufferWriter<byte> writer, string text)
    {
        var span = writer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        var count = Encoding.UTF8.GetBytes(text, span);
        writer.Advance(count);
        return count;
    }

    private static int WriteBytes(IBufferWriter<byte> writer, ReadOnlySpan<byte> bytes)
    {
        writer.Write(bytes);
        return bytes.Length;
    }
}
