namespace Telephony.Sip.Parsing;

/// <summary>Enumerates the pieces of a span between separator bytes, without allocating.</summary>
internal ref struct SipSplitter
{
    private ReadOnlySpan<byte> _rest;
    private readonly byte _separator;
    private bool _done;

    public SipSplitter(ReadOnlySpan<byte> source, byte separator)
    {
        _rest = source;
        _separator = separator;
        Current = default;
    }

    public ReadOnlySpan<byte> Current { get; private set; }

    public readonly SipSplitter GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_done)
        {
            return false;
        }

        var index = _rest.IndexOf(_separator);
        if (index < 0)
        {
            Current = _rest;
            _done = true;
            return true;
        }

        Current = _rest[..index];
        _rest = _rest[(index + 1)..];
        return true;
    }
}
