namespace Telephony.Host.Demo;

/// <summary>
/// Tells the ACD's loader (with --demo) that the demo agents and queues are in the database, so it does not load an
/// empty configuration while <see cref="DemoSeeder"/> is still writing them.
/// </summary>
public sealed class DemoSeeding
{
    private readonly TaskCompletionSource _acdSeeded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task AcdSeeded => _acdSeeded.Task;

    public void MarkAcdSeeded() => _acdSeeded.TrySetResult();
}
