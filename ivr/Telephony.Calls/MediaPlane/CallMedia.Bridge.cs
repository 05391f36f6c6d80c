using Telephony.Calls.Media;

namespace Telephony.Calls.MediaPlane;

public sealed partial class CallMedia
{
    /// <summary>
    /// Joins this leg and <paramref name="other"/> through the media relay: each hears the other, packet by
    /// packet, transcoded when their laws differ. Playback and music on hold on both legs stop. The tap, when
    /// given, receives this leg's audio as <see cref="TapChannel.Caller"/> and the other's as
    /// <see cref="TapChannel.Agent"/>. Dispose the returned relay to separate them.
    /// </summary>
    public MediaRelay Bridge(CallMedia other, IMediaTap? tap)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other == this)
        {
            throw new ArgumentException("A leg cannot be bridged to itself.", nameof(other));
        }

        if (IsDisposed || other.IsDisposed)
        {
            throw new ObjectDisposedException(nameof(CallMedia), "A leg of the bridge has ended.");
        }

        if (IsBridged || other.IsBridged)
        {
            throw new InvalidOperationException("A leg is already bridged; separate it first.");
        }

        StopPlaybackForBridge();
        other.StopPlaybackForBridge();
        var relay = new MediaRelay(this, other, tap);
        relay.Start();
        CallMediaLog.Bridged(_logger, _endpoint?.LocalPort ?? 0, other._endpoint?.LocalPort ?? 0, relay.IsTranscoding);
        return relay;
    }

    private void StopPlaybackForBridge()
    {
        lock (_stateLock)
        {
            if (_playback is { } playback)
            {
                StopPlaybackLocked(playback, new PlaybackResult(PlaybackOutcome.Cancelled));
            }
        }
    }
}
