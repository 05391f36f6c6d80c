using System.Text;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Messages;

/// <summary>
/// A parsed SIP message over its own bytes. Header fields are slices; typed values (Via, From, CSeq...) are parsed
/// on first use and cached, so only what a layer reads is turned into objects and strings.
/// </summary>
public abstract partial class SipMessage
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly SipHeaderEntry[] _headers;
    private readonly int _bodyStart;
    private readonly int _bodyLength;

    private protected SipMessage(ReadOnlyMemory<byte> bytes, SipHeaderEntry[] headers, int bodyStart, int bodyLength)
    {
        _bytes = bytes;
        _headers = headers;
        _bodyStart = bodyStart;
        _bodyLength = bodyLength;
    }

    /// <summary>The message exactly as received, from the start line to the end of the body.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    public ReadOnlyMemory<byte> Body => _bytes.Slice(_bodyStart, _bodyLength);

    public abstract bool IsRequest { get; }

    public int HeaderCount => _headers.Length;

    public SipHeaderField GetHeader(int index)
    {
        var entry = _headers[index];
        return new SipHeaderField(entry.Kind, _bytes.Slice(entry.NameStart, entry.NameLength), _bytes.Slice(entry.ValueStart, entry.ValueLength));
    }

    public bool Contains(SipHeaderKind kind) => IndexOf(kind, 0) >= 0;

    /// <summary>The value of the first header field of this kind.</summary>
    public bool TryGetHeaderValue(SipHeaderKind kind, out ReadOnlyMemory<byte> value)
    {
        var index = IndexOf(kind, 0);
        value = index >= 0 ? ValueMemory(index) : default;
        return index >= 0;
    }

    /// <summary>The value of the first header field with this name (long or compact form for known headers), as text.</summary>
    public string? GetHeaderValue(string name)
    {
        var index = IndexOfName(name, 0);
        return index >= 0 ? Encoding.UTF8.GetString(ValueSpan(index)) : null;
    }

    /// <summary>Every header field line with this name, in order, as text (comma-separated values are not split).</summary>
    public IReadOnlyList<string> GetHeaderValues(string name)
    {
        var values = new List<string>();
        for (var index = IndexOfName(name, 0); index >= 0; index = IndexOfName(name, index + 1))
        {
            values.Add(Encoding.UTF8.GetString(ValueSpan(index)));
        }

        return values;
    }

    public override string ToString() => Encoding.UTF8.GetString(_bytes.Span);

    internal int IndexOf(SipHeaderKind kind, int start)
    {
        for (var i = start; i < _headers.Length; i++)
        {
            if (_headers[i].Kind == kind)
            {
                return i;
            }
        }

        return -1;
    }

    internal SipHeaderKind KindAt(int index) => _headers[index].Kind;

    internal ReadOnlySpan<byte> ValueSpan(int index) => _bytes.Span.Slice(_headers[index].ValueStart, _headers[index].ValueLength);

    internal ReadOnlyMemory<byte> ValueMemory(int index) => _bytes.Slice(_headers[index].ValueStart, _headers[index].ValueLength);

    private int IndexOfName(string name, int start)
    {
        ArgumentNullException.ThrowIfNull(name);
        var kind = SipHeaderNames.Lookup(name);
        if (kind != SipHeaderKind.Extension)
        {
            return IndexOf(kind, start);
        }

        Span<byte> buffer = stackalloc byte[256];
        if (name.Length > buffer.Length || !Ascii.IsValid(name))
        {
            return -1;
        }

        var written = Encoding.ASCII.GetBytes(name, buffer);
        var nameBytes = buffer[..written];
        for (var i = start; i < _headers.Length; i++)
        {
            var entry = _headers[i];
            if (entry.Kind == SipHeaderKind.Extension
                && Ascii.EqualsIgnoreCase(_bytes.Span.Slice(entry.NameStart, entry.NameLength), nameBytes))
            {
                return i;
            }
        }

        return -1;
    }
}
