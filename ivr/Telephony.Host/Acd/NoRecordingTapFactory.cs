using Telephony.Calls.Control;
using Telephony.Calls.Media;

namespace Telephony.Host.Acd;

/// <summary>Records nothing: the tap factory until the recorder is wired in.</summary>
public sealed class NoRecordingTapFactory : IMediaTapFactory
{
    public IMediaTap? Create(ICall caller, ICall agentLeg, string queueId, string agentExtension) => null;
}
