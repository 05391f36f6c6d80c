namespace Telephony.Calls.MediaPlane;

/// <summary>
/// Decodes prompt files into the shared sample cache before calls need them. A prompt decoded on a call's first playback
/// allocates its samples on the large-object heap while calls are up, and the blocking gen2 collection that follows
/// stalls every call's audio at once (58 ms measured at 1,000 calls); decoded at start or at publish, it costs nothing later.
/// </summary>
public static class PromptPreloader
{
    /// <summary>
    /// Decodes the files (8 kHz mono WAV) that exist, until <paramref name="maxSamples"/> are held; returns how many were
    /// loaded. A file that cannot be decoded is skipped: its playback will report it.
    /// </summary>
    public static int Preload(IEnumerable<string> paths, long maxSamples = PromptSampleCache.BudgetSamples / 2)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var loaded = 0;
        foreach (var path in paths)
        {
            if (PromptSampleCache.Shared.HeldSamples >= maxSamples)
            {
                break;
            }

            try
            {
                PromptSampleCache.Shared.Get(path);
                loaded++;
            }
            catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                // Not a prompt we can play; the call that plays it gets the error.
            }
        }

        return loaded;
    }
}
