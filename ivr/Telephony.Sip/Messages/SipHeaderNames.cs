using System.Text;

namespace Telephony.Sip.Messages;

/// <summary>Canonical header names and the case-insensitive lookup of long and compact forms (RFC 3261 7.3.3).</summary>
public static class SipHeaderNames
{
    private const int TableSize = 256;

    private static readonly string[] s_canonical =
    [
        string.Empty, "Accept", "Accept-Encoding", "Accept-Language", "Alert-Info", "Allow", "Allow-Events",
        "Authentication-Info", "Authorization", "Call-ID", "Call-Info", "Contact", "Content-Disposition",
        "Content-Encoding", "Content-Language", "Content-Length", "Content-Type", "CSeq", "Date", "Error-Info",
        "Event", "Expires", "From", "In-Reply-To", "Max-Forwards", "Min-Expires", "MIME-Version", "Organization",
        "Priority", "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Require", "RAck", "Reason", "Record-Route",
        "Refer-To", "Referred-By", "Reply-To", "Require", "Retry-After", "Route", "RSeq", "Server",
        "Session-Expires", "Subject", "Subscription-State", "Supported", "Timestamp", "To", "Unsupported",
        "User-Agent", "Via", "Warning", "WWW-Authenticate",
    ];

    private static readonly (byte[] Name, SipHeaderKind Kind)[] s_compact =
    [
        ("i"u8.ToArray(), SipHeaderKind.CallId), ("m"u8.ToArray(), SipHeaderKind.Contact),
        ("f"u8.ToArray(), SipHeaderKind.From), ("t"u8.ToArray(), SipHeaderKind.To),
        ("v"u8.ToArray(), SipHeaderKind.Via), ("l"u8.ToArray(), SipHeaderKind.ContentLength),
        ("c"u8.ToArray(), SipHeaderKind.ContentType), ("k"u8.ToArray(), SipHeaderKind.Supported),
        ("s"u8.ToArray(), SipHeaderKind.Subject), ("e"u8.ToArray(), SipHeaderKind.ContentEncoding),
        ("o"u8.ToArray(), SipHeaderKind.Event), ("u"u8.ToArray(), SipHeaderKind.AllowEvents),
        ("r"u8.ToArray(), SipHeaderKind.ReferTo), ("b"u8.ToArray(), SipHeaderKind.ReferredBy),
        ("x"u8.ToArray(), SipHeaderKind.SessionExpires),
    ];

    private static readonly (byte[] Name, SipHeaderKind Kind)[] s_table = BuildTable();

    /// <summary>The canonical (long) name of a known header; empty for <see cref="SipHeaderKind.Extension"/>.</summary>
    public static string GetName(SipHeaderKind kind) => s_canonical[(int)kind];

    /// <summary>The kind of a header name, long or compact, in any letter case.</summary>
    public static SipHeaderKind Lookup(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty)
        {
            return SipHeaderKind.Extension;
        }

        var slot = Hash(name);
        for (var probe = 0; probe < TableSize; probe++)
        {
            var entry = s_table[(slot + probe) & (TableSize - 1)];
            if (entry.Name is null)
            {
                return SipHeaderKind.Extension;
            }

            if (Ascii.EqualsIgnoreCase(entry.Name, name))
            {
                return entry.Kind;
            }
        }

        return SipHeaderKind.Extension;
    }

    public static SipHeaderKind Lookup(string name) => Lookup(Encoding.ASCII.GetBytes(name));

    private static int Hash(ReadOnlySpan<byte> name) =>
        ((name.Length * 31) + ((name[0] | 0x20) * 7) + ((name[^1] | 0x20) * 3) + (name.Length > 2 ? name[2] | 0x20 : 0)) & (TableSize - 1);

    private static (byte[] Name, SipHeaderKind Kind)[] BuildTable()
    {
        var table = new (byte[] Name, SipHeaderKind Kind)[TableSize];
        for (var kind = 1; kind < s_canonical.Length; kind++)
        {
            Insert(table, Encoding.ASCII.GetBytes(s_canonical[kind]), (SipHeaderKind)kind);
        }

        foreach (var (name, kind) in s_compact)
        {
            Insert(table, name, kind);
        }

        return table;
    }

    private static void Insert((byte[] Name, SipHeaderKind Kind)[] table, byte[] name, SipHeaderKind kind)
    {
        var slot = Hash(name);
        while (table[slot].Name is not null)
        {
            slot = (slot + 1) & (TableSize - 1);
        }

        table[slot] = (name, kind);
    }
}
