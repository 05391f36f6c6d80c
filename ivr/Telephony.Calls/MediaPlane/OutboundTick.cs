using Telephony.Media.Scheduling;
using Telephony.Media.Streams;

namespace Telephony.Calls.MediaPlane;

/// <summary>
/// The leg's outbound stream as the media tick sees it: suspended while the leg is bridged (the relay
/// sends on the same RTP sender then), and run under the leg's send gate so the relay and the tick
/// never write the sender at once.
/// </summary>
internal sealed class OutboundTick(RtpOutboundStream stream, Lock sendGate) : IMediaTickStream
{
    private volatile bool _suspended;

    public bool Suspended
    {
        get => _suspended;
        set => _suspended = value;
    }

    public void OnTick(in MediaTick tick)
    {
        lock (sendGate)
        {
            if (!_suspended)
            {
                stream.OnTick(tick);
            }
        }
    }
}
