using Telephony.Calls.Media;

namespace Telephony.Calls.MediaPlane;

/// <summary>
/// Two legs joined packet by packet (<see cref="CallMedia.Bridge"/>): the caller's packets go out on the
/// agent leg and the agent's on the caller leg, rewritten per <see cref="RelayDirection"/>. While bridged
/// neither leg plays its own audio. Dispose to separate them: each leg's own outbound stream resumes
/// (silence until something is played), and the tap is told the bridge ended.
/// </summary>
public sealed class MediaRelay : IDisposable
{
    private readonly RelayDirection _callerToAgent;
    private readonly RelayDirection _agentToCaller;
    private readonly IMediaTap? _tap;
    private int _disposed;

    internal MediaRelay(CallMedia caller, CallMedia agent, IMediaTap? tap)
    {
        Caller = caller;
        Agent = agent;
        _tap = tap;
        _callerToAgent = new RelayDirection(this, caller, agent, TapChannel.Caller, tap);
        _agentToCaller = new RelayDirection(this, agent, caller, TapChannel.Agent, tap);
    }

    /// <summary>The leg heard on the tap's caller channel (the one <see cref="CallMedia.Bridge"/> was called on).</summary>
    public CallMedia Caller { get; }

    /// <summary>The other leg (the tap's agent channel).</summary>
    public CallMedia Agent { get; }

    /// <summary>True when the legs use different G.711 laws and audio is transcoded.</summary>
    public bool IsTranscoding => Caller.Audio.Codec != Agent.Audio.Codec;

    /// <summary>Packets relayed from caller to agent.</summary>
    public long CallerToAgentPackets => _callerToAgent.PacketsRelayed;

    /// <summary>Packets relayed from agent to caller.</summary>
    public long AgentToCallerPackets => _agentToCaller.PacketsRelayed;

    /// <summary>True once separated.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Separates the legs; each returns to its own media session.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Caller.AttachRelay(null);
        Agent.AttachRelay(null);
        _callerToAgent.Stop();
        _agentToCaller.Stop();
        Caller.OutboundTick.Suspended = false;
        Agent.OutboundTick.Suspended = false;
        _tap?.OnEnded();
    }

    internal void Start()
    {
        Caller.OutboundTick.Suspended = true;
        Agent.OutboundTick.Suspended = true;
        Caller.AttachRelay(_callerToAgent);
        Agent.AttachRelay(_agentToCaller);
    }
}
