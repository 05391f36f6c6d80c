using Telephony.Calls.Control;
using Telephony.Calls.Media;
using Telephony.Host.Acd;
using Telephony.Recording;

namespace Telephony.Host.Recording;

/// <summary>Records every bridged conversation: the caller's leg on the left channel, the agent's on the right, tied to the call record's id.</summary>
internal sealed class RecorderTapFactory(
    RecordingService service,
    RecordingReadiness readiness,
    RecordingWorkTracker tracker,
    TimeProvider time,
    ILogger<RecorderTapFactory> logger) : IMediaTapFactory
{
    public IMediaTap? Create(ICall caller, ICall agentLeg, string queueId, string agentExtension)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new RecordingTap(service, new RecordingStart(caller.Id, agentExtension, queueId, null), readiness, tracker, time, logger);
    }
}
