using Telephony.Calls.Control;

namespace Telephony.Host.Calls;

/// <summary>A hotline call in progress: its legs, and a task that completes once its record is written.</summary>
internal sealed class ActiveCall(ICall caller)
{
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _phase;

    public ICall Caller { get; } = caller;

    public ICall? AgentLeg { get; set; }

    /// <summary>Menu node ids the caller went through before its latest queue, for the agent's call card.</summary>
    public IReadOnlyList<string> IvrPath { get; set; } = [];

    /// <summary>Where the call is now, for the live gauges; written by the call's flow, read by metric scrapes.</summary>
    public HotlineCallPhase Phase
    {
        get => (HotlineCallPhase)Volatile.Read(ref _phase);
        set => Volatile.Write(ref _phase, (int)value);
    }

    public Task Finished => _finished.Task;

    public void Finish() => _finished.TrySetResult();
}
