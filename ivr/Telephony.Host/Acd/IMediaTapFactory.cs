using Telephony.Calls.Control;
using Telephony.Calls.Media;

namespace Telephony.Host.Acd;

/// <summary>
/// The seam where the recorder plugs in: asked once per bridged conversation for the tap that receives both
/// directions. Null records nothing.
/// </summary>
public interface IMediaTapFactory
{
    IMediaTap? Create(ICall caller, ICall agentLeg, string queueId, string agentExtension);
}
