using Telephony.Media.Codecs;
using Telephony.Media.Dtmf;
using Telephony.Media.Rtp;

namespace Telephony.Calls.Tests.Support;

/// <summary>Builds RTP packets as a peer would send them.</summary>
internal static class RtpPackets
{
    public static byte[] Audio(uint ssrc, ushort sequence, uint timestamp, byte payloadType, ReadOnlySpan<byte> payload, bool marker = false)
    {
        var packet = new byte[RtpHeader.FixedSize + payload.Length];
        new RtpHeader(payloadType, sequence, timestamp, ssrc, marker).Write(packet);
        payload.CopyTo(packet.AsSpan(RtpHeader.FixedSize));
        return packet;
    }

    public static byte[] Silence(uint ssrc, ushort sequence, uint timestamp, G711Law law = G711Law.MuLaw, int samples = 160)
    {
        var payload = new byte[samples];
        G711.FillSilence(law, payload);
        return Audio(ssrc, sequence, timestamp, (byte)law, payload);
    }

    /// <summary>The packets of one RFC 4733 event: start (marker), one update, three ends; consecutive sequence numbers from <paramref name="sequence"/>.</summary>
    public static IReadOnlyList<byte[]> Digit(uint ssrc, ushort sequence, uint timestamp, char digit, byte payloadType = 101)
    {
        Assert.True(DtmfDigits.TryGetEvent(digit, out var code));
        var packets = new List<byte[]>();
        ushort[] durations = [160, 320, 480, 480, 480];
        for (var i = 0; i < durations.Length; i++)
        {
            var payload = new byte[TelephoneEventPayload.Size];
            new TelephoneEventPayload(code, End: i >= 2, Volume: 10, Duration: durations[i]).Write(payload);
            packets.Add(Audio(ssrc, (ushort)(sequence + i), timestamp, payloadType, payload, marker: i == 0));
        }

        return packets;
    }

    public static byte[] Tone(double frequency, int sampleOffset, int samples, G711Law law)
    {
        var pcm = new short[samples];
        for (var i = 0; i < samples; i++)
        {
            pcm[i] = (short)(8000 * Math.Sin(2 * Math.PI * frequency * (sampleOffset + i) / 8000));
        }

        var codes = new byte[samples];
        G711.Encode(law, pcm, codes);
        return codes;
    }
}
