using Telephony.Calls.Control;
using Telephony.Calls.Media;
using Telephony.Host.Acd;

namespace Telephony.Host.Tests.Calls;

/// <summary>Remembers every bridge it was asked to tap (queue and agent), standing in for the recorder.</summary>
public sealed class CountingTapFactory : IMediaTapFactory
{
    public List<(Guid Caller, string Queue, string Agent)> Created { get; } = [];

    public IMediaTap? Create(ICall caller, ICall agentLeg, string queueId, string agentExtension)
    {
        lock (Created)
        {
            Created.Add((caller.Id, queueId, agentExtension));
        }

        return null;
    }
}
