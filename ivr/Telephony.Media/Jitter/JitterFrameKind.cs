namespace Telephony.Media.Jitter;

/// <summary>What <see cref="JitterBuffer.Read"/> produced for a playout tick.</summary>
public enum JitterFrameKind
{
    /// <summary>Still filling to the target depth (or idle with no packets): play silence.</summary>
    Buffering,

    /// <summary>The expected packet's payload was copied out.</summary>
    Frame,

    /// <summary>The expected packet is missing (lost or too late): conceal it.</summary>
    Missing,
}
