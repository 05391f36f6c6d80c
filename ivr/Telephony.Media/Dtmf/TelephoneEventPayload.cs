using System.Buffers.Binary;

namespace Telephony.Media.Dtmf;

/// <summary>The 4-byte telephone-event payload of RFC 4733 §2.3: event, end bit, volume, duration.</summary>
/// <param name="Event">Event code (0–15 are DTMF digits).</param>
/// <param name="End">The E bit: this packet ends the event.</param>
/// <param name="Volume">Power level in −dBm0 (0–63); 0–36 for DTMF.</param>
/// <param name="Duration">Duration so far, in timestamp units, from the event's timestamp.</param>
public readonly record struct TelephoneEventPayload(byte Event, bool End, byte Volume, ushort Duration)
{
    /// <summary>Encoded size.</summary>
    public const int Size = 4;

    /// <summary>Parses the first event of a payload (redundant events that may follow are ignored).</summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, out TelephoneEventPayload value)
    {
        if (payload.Length < Size)
        {
            value = default;
            return false;
        }

        value = new TelephoneEventPayload(
            payload[0],
            (payload[1] & 0x80) != 0,
            (byte)(payload[1] & 0x3F),
            BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    /// <summary>Writes the payload (R bit zero); returns 4.</summary>
    public int Write(Span<byte> destination)
    {
        if (Volume > 63)
        {
            throw new InvalidOperationException("The volume field holds 0–63.");
        }

        destination[0] = Event;
        destination[1] = (byte)((End ? 0x80 : 0) | Volume);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Duration);
        return Size;
    }
}
