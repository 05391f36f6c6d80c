using Telephony.Calls.MediaPlane;
using Telephony.Media.Rtp;

namespace Telephony.Calls.Tests.Support;

/// <summary>Keeps every packet a leg sends, for unit tests without sockets.</summary>
internal sealed class FakeTransport : IRtpTransport
{
    private readonly Lock _lock = new();
    private readonly List<byte[]> _rtp = [];
    private readonly List<byte[]> _rtcp = [];

    public IReadOnlyList<byte[]> Rtp
    {
        get
        {
            lock (_lock)
            {
                return [.. _rtp];
            }
        }
    }

    public IReadOnlyList<byte[]> Rtcp
    {
        get
        {
            lock (_lock)
            {
                return [.. _rtcp];
            }
        }
    }

    public IReadOnlyList<RtpHeader> RtpHeaders => [.. Rtp.Select(Header)];

    public static RtpHeader Header(byte[] packet)
    {
        Assert.Equal(RtpParseError.None, RtpHeader.TryParse(packet, out var header));
        return header;
    }

    public void Send(ReadOnlySpan<byte> packet)
    {
        lock (_lock)
        {
            _rtp.Add(packet.ToArray());
        }
    }

    public void SendRtcp(ReadOnlySpan<byte> packet)
    {
        lock (_lock)
        {
            _rtcp.Add(packet.ToArray());
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _rtp.Clear();
            _rtcp.Clear();
        }
    }
}
