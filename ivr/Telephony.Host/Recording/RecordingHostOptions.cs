namespace Telephony.Host.Recording;

/// <summary>The host's own recording settings (section <c>Recording</c>, beside the recorder's <see cref="Telephony.Recording.RecordingOptions"/>).</summary>
internal sealed class RecordingHostOptions
{
    /// <summary>Agents may play the recordings of their own calls (never anyone else's).</summary>
    public bool AgentsPlayOwnRecordings { get; set; } = true;

    /// <summary>How often the retention job runs (also once at start).</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromDays(1);

    public void Validate()
    {
        if (RetentionInterval < TimeSpan.FromMinutes(1))
        {
            throw new InvalidOperationException("Configuration value Recording:RetentionInterval must be at least one minute.");
        }
    }
}
