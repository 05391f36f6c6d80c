namespace Telephony.Host.Recording;

/// <summary>
/// Completes once start-up recovery has closed the previous run's open recordings. New recordings wait for it: a row
/// created before recovery ran would look like one a killed process left open and be marked interrupted mid-call.
/// </summary>
internal sealed class RecordingReadiness
{
    private readonly TaskCompletionSource<bool> _recovered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True when recovery succeeded and recording may start; false when it failed (nothing is recorded then).</summary>
    public Task<bool> Recovered => _recovered.Task;

    public void Complete(bool succeeded) => _recovered.TrySetResult(succeeded);
}
