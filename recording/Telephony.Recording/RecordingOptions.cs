namespace Telephony.Recording;

/// <summary>Recording settings, bound from the configuration section <c>Recording</c>.</summary>
public sealed class RecordingOptions
{
    /// <summary>The data directory; files go under <c>DATA/recordings/yyyy/MM/dd/</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>This server's name, so start-up recovery repairs only the recordings this process left open.</summary>
    public string HostId { get; set; } = Environment.MachineName;

    /// <summary>How often the writer rewrites open files' header sizes; bounds what a crash can lose.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A recording whose length differs from the call's talk time by more than this is flagged.</summary>
    public TimeSpan LengthMismatchTolerance { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Below this many free bytes on the recordings disk the alarm is raised.</summary>
    public long MinFreeBytes { get; set; } = 1L << 30;

    /// <summary>What a new conversation does while the disk is low.</summary>
    public LowDiskPolicy LowDiskPolicy { get; set; } = LowDiskPolicy.KeepRecording;

    /// <summary>Retention for queues without their own row in <c>recording_retention</c> (and for voicemail without a queue).</summary>
    public int DefaultRetentionDays { get; set; } = 365;

    /// <summary>Encryption at rest; off when <see cref="RecordingEncryptionOptions.ActiveKeyId"/> is empty.</summary>
    public RecordingEncryptionOptions Encryption { get; set; } = new();

    public string RecordingsDirectory => Path.Combine(DataDirectory, "recordings");

    /// <summary>Throws naming the configuration key of the first bad value.</summary>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(DataDirectory), "Recording:DataDirectory", "must not be empty");
        Require(!string.IsNullOrWhiteSpace(HostId), "Recording:HostId", "must not be empty");
        Require(FlushInterval > TimeSpan.Zero && FlushInterval <= TimeSpan.FromMinutes(1), "Recording:FlushInterval", "must be between 0 and 1 minute");
        Require(LengthMismatchTolerance >= TimeSpan.Zero, "Recording:LengthMismatchTolerance", "must not be negative");
        Require(MinFreeBytes >= 0, "Recording:MinFreeBytes", "must not be negative");
        Require(Enum.IsDefined(LowDiskPolicy), "Recording:LowDiskPolicy", "must be KeepRecording or Skip");
        Require(DefaultRetentionDays > 0, "Recording:DefaultRetentionDays", "must be positive");
        Encryption.Validate();
    }

    internal static void Require(bool condition, string key, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Configuration value {key} {problem}.");
        }
    }
}
