namespace Telephony.Media.Jitter;

/// <summary>Depth settings of a <see cref="JitterBuffer"/>, in packets (one packet per ptime).</summary>
public sealed record JitterBufferOptions
{
    /// <summary>Packets held before playout starts, and the starting depth when adaptive.</summary>
    public int InitialDepth { get; init; } = 3;

    /// <summary>Smallest depth the adaptive buffer shrinks to.</summary>
    public int MinDepth { get; init; } = 2;

    /// <summary>Largest depth the adaptive buffer grows to (8 × 20 ms = 160 ms).</summary>
    public int MaxDepth { get; init; } = 8;

    /// <summary>False for a fixed depth of <see cref="InitialDepth"/>.</summary>
    public bool Adaptive { get; init; } = true;

    /// <summary>Largest payload accepted (bytes); G.711 at 60 ms is 480.</summary>
    public int MaxPayloadSize { get; init; } = 480;

    /// <summary>Playout ticks the depth must stay above target before one frame is dropped to shrink it.</summary>
    public int ShrinkAfterTicks { get; init; } = 250;

    /// <summary>A fixed-depth buffer of <paramref name="depth"/> packets.</summary>
    public static JitterBufferOptions Fixed(int depth) => new() { InitialDepth = depth, MinDepth = depth, MaxDepth = depth, Adaptive = false };

    internal void Validate()
    {
        if (MinDepth < 1 || InitialDepth < MinDepth || MaxDepth < InitialDepth || MaxDepth > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(InitialDepth), "Jitter depths need 1 ≤ MinDepth ≤ InitialDepth ≤ MaxDepth ≤ 64.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxPayloadSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ShrinkAfterTicks);
    }
}
