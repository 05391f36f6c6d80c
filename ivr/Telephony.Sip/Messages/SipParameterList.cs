using System.Collections;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Messages;

/// <summary>Parameters in order of appearance, looked up by case-insensitive name.</summary>
public sealed class SipParameterList : IReadOnlyList<SipParameter>
{
    private readonly SipParameter[] _items;

    public SipParameterList(IEnumerable<SipParameter> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = [.. items];
    }

    private SipParameterList(SipParameter[] items) => _items = items;

    public static SipParameterList Empty { get; } = new([]);

    public int Count => _items.Length;

    public SipParameter this[int index] => _items[index];

    /// <summary>The value of the named parameter; null when absent or a flag.</summary>
    public string? this[string name] => TryGetValue(name, out var value) ? value : null;

    public bool Contains(string name) => IndexOf(name) >= 0;

    public bool TryGetValue(string name, out string? value)
    {
        var index = IndexOf(name);
        value = index >= 0 ? _items[index].Value : null;
        return index >= 0;
    }

    public IEnumerator<SipParameter> GetEnumerator() => ((IEnumerable<SipParameter>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Header parameters (<c>;name=value</c>, LWS allowed, quoted values unquoted).</summary>
    internal static SipParameterList FromHeader(ReadOnlySpan<byte> source, byte separator = (byte)';', bool firstHasSeparator = true)
    {
        var reader = new SipParameterReader(source, separator, firstHasSeparator);
        var list = new List<SipParameter>();
        while (reader.TryRead(out var name, out var value, out var hasValue))
        {
            list.Add(new SipParameter(SipSyntax.Decode(name), hasValue ? SipSyntax.Unquote(value) : null));
        }

        return list.Count == 0 ? Empty : new SipParameterList(list.ToArray());
    }

    /// <summary>URI parameters or headers (no LWS, %-escapes decoded).</summary>
    internal static SipParameterList FromUri(ReadOnlySpan<byte> source, byte separator)
    {
        var list = new List<SipParameter>();
        foreach (var part in new SipSplitter(source, separator))
        {
            if (part.IsEmpty)
            {
                continue;
            }

            var equals = part.IndexOf((byte)'=');
            list.Add(equals < 0
                ? new SipParameter(SipSyntax.Unescape(part), null)
                : new SipParameter(SipSyntax.Unescape(part[..equals]), SipSyntax.Unescape(part[(equals + 1)..])));
        }

        return list.Count == 0 ? Empty : new SipParameterList(list.ToArray());
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < _items.Length; i++)
        {
            if (string.Equals(_items[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
