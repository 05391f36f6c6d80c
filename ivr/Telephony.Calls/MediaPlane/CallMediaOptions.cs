using System.Net;

namespace Telephony.Calls.MediaPlane;

/// <summary>Settings of the media plane (bound from configuration section <c>Calls:Media</c> by the host).</summary>
public sealed class CallMediaOptions
{
    /// <summary>The local address RTP sockets bind to.</summary>
    public string MediaAddress { get; set; } = "127.0.0.1";

    /// <summary>The address written into our SDP (c= line) when it differs from the bound one (1:1 NAT); null uses <see cref="MediaAddress"/>.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Lowest RTP port (even; RTCP takes the next odd port).</summary>
    public int PortMin { get; set; } = 20000;

    /// <summary>Highest port of the range (the last RTCP port).</summary>
    public int PortMax { get; set; } = 29999;

    /// <summary>
    /// How long a released port pair rests before reuse, so late packets of an old call never reach a new one. A phone
    /// stops sending when the call ends and a datagram lives well under a second on the way, so a few seconds suffice;
    /// the range must hold calls-per-second × (call length + cool-down) pairs (30 s capped the default range at ~160
    /// new calls a second).
    /// </summary>
    public TimeSpan PortCoolDown { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>A leg that receives nothing (RTP or RTCP) for this long is reported dead.</summary>
    public TimeSpan InactivityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Mean RTCP report interval (RFC 3550 §6.2 simplified: fixed mean, randomised 0.5–1.5×).</summary>
    public TimeSpan RtcpInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often inactivity and RTCP deadlines are checked (one timer for every leg).</summary>
    public TimeSpan HousekeepingPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Receive threads, each waiting on one epoll set for its share of the sockets.</summary>
    public int ReceiveThreads { get; set; } = 1;

    /// <summary>
    /// How far ahead of its time the media tick hands each packet to the kernel, which sends it when due (io_uring timed
    /// sends; Linux 5.19+). The garbage collector stops the whole process, the media thread with it: under load the tick
    /// falls up to ~40 ms behind, and ~60 ms in a fresh host's first seconds. A stall shorter than this delays no packet.
    /// At 600 new calls a second, streams with a gap over 40 ms: 13.9 % sending at once, 0.32 % with 60 ms ahead (one
    /// start-up stall), none with 100 ms. The cost: a prompt's audio starts this long after the answer, and barge-in
    /// cuts a prompt up to this much later. 0 sends each packet when its tick runs, as the host also does where the
    /// kernel cannot (it logs why at start).
    /// </summary>
    public TimeSpan SendAhead { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Packets that may wait in the kernel at once with <see cref="SendAhead"/> (each holds 640 bytes); beyond, packets go at once.</summary>
    public int SendAheadSlots { get; set; } = 16384;

    /// <summary>Whether callers' audio is searched for DTMF tones (trunks that send no RFC 4733 events).</summary>
    public bool DetectInBandDtmf { get; set; }

    /// <summary>The address to put in SDP.</summary>
    public string SdpAddress => AdvertisedAddress ?? MediaAddress;

    /// <summary>Throws with the offending key when a value is out of range.</summary>
    public void Validate()
    {
        if (!IPAddress.TryParse(MediaAddress, out _))
        {
            throw new InvalidOperationException($"Calls:Media:MediaAddress '{MediaAddress}' is not an IP address.");
        }

        if (AdvertisedAddress is not null && !IPAddress.TryParse(AdvertisedAddress, out _))
        {
            throw new InvalidOperationException($"Calls:Media:AdvertisedAddress '{AdvertisedAddress}' is not an IP address.");
        }

        if (PortMin < 1024 || PortMin % 2 != 0 || PortMax > 65535 || PortMax <= PortMin)
        {
            throw new InvalidOperationException($"Calls:Media:PortMin/PortMax ({PortMin}–{PortMax}) must be an even start ≥ 1024 below an end ≤ 65535.");
        }

        if (PortCoolDown < TimeSpan.Zero)
        {
            throw new InvalidOperationException("Calls:Media:PortCoolDown must not be negative.");
        }

        if (InactivityTimeout <= TimeSpan.Zero || RtcpInterval <= TimeSpan.Zero || HousekeepingPeriod <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Calls:Media:InactivityTimeout, RtcpInterval and HousekeepingPeriod must be positive.");
        }

        if (SendAhead < TimeSpan.Zero || SendAhead > TimeSpan.FromMilliseconds(200))
        {
            throw new InvalidOperationException("Calls:Media:SendAhead must be 0–200 ms.");
        }

        if (SendAheadSlots is < 16 or > 1_000_000)
        {
            throw new InvalidOperationException("Calls:Media:SendAheadSlots must be 16–1000000.");
        }

        if (ReceiveThreads is < 1 or > 64)
        {
            throw new InvalidOperationException("Calls:Media:ReceiveThreads must be 1–64.");
        }
    }
}
