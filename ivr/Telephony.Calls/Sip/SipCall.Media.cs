using Telephony.Calls.Control;
using Telephony.Calls.Events;
using Telephony.Calls.Media;
using Telephony.Calls.MediaPlane;
using Telephony.Media.Sdp;

namespace Telephony.Calls.Sip;

/// <summary>The media operations: each delegates to the leg's <see cref="CallMedia"/>; bridges pair two SIP calls.</summary>
internal sealed partial class SipCall
{
    public async Task<PlaybackResult> PlayAsync(IReadOnlyList<AudioSource> sources, PlaybackOptions options, CancellationToken cancellationToken)
    {
        var result = await RequireMedia().PlayAsync(sources, options, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            Raise(new PlaybackFinished(Id, _time.GetUtcNow(), result.Outcome));
        }

        return result;
    }

    public Task<DigitsResult> CollectDigitsAsync(DigitCollectionOptions options, CancellationToken cancellationToken) =>
        RequireMedia().CollectDigitsAsync(options, cancellationToken);

    public Task<RecordResult> RecordAsync(string path, RecordOptions options, CancellationToken cancellationToken) =>
        RequireMedia().RecordAsync(path, options, cancellationToken);

    public Task StartMusicOnHoldAsync(AudioSource music, CancellationToken cancellationToken)
    {
        RequireMedia().StartMusicOnHold(music);
        return Task.CompletedTask;
    }

    public Task StopMusicOnHoldAsync(CancellationToken cancellationToken)
    {
        RequireMedia().StopMusicOnHold();
        return Task.CompletedTask;
    }

    public Task BridgeAsync(ICall other, IMediaTap? tap, CancellationToken cancellationToken)
    {
        if (other is not SipCall partner || ReferenceEquals(partner, this))
        {
            throw new ArgumentException("Only another call of the SIP backend can be bridged to a SIP call.", nameof(other));
        }

        var first = Id.CompareTo(partner.Id) < 0 ? this : partner;
        var second = ReferenceEquals(first, this) ? partner : this;
        lock (first._gate)
        {
            lock (second._gate)
            {
                if (State != CallState.Answered || partner.State != CallState.Answered || _media is null || partner._media is null)
                {
                    throw new InvalidOperationException($"Both calls must be answered and unbridged (this {State}, other {partner.State}).");
                }

                var relay = _media.Bridge(partner._media, tap);
                _relay = relay;
                partner._relay = relay;
                _bridgedWith = partner;
                partner._bridgedWith = this;
                State = CallState.Bridged;
                partner.State = CallState.Bridged;
                var now = _time.GetUtcNow();
                Raise(new CallBridged(Id, now, partner.Id));
                partner.Raise(new CallBridged(partner.Id, now, Id));
            }
        }

        return Task.CompletedTask;
    }

    public Task UnbridgeAsync(CancellationToken cancellationToken)
    {
        SipCall? partner;
        lock (_gate)
        {
            partner = _bridgedWith;
        }

        if (partner is null)
        {
            return Task.CompletedTask;
        }

        partner.OnPartnerGone(this);
        OnPartnerGone(partner);
        return Task.CompletedTask;
    }

    /// <summary>The bridge with <paramref name="partner"/> is over (unbridged, or the partner ended): this call stays up alone.</summary>
    private void OnPartnerGone(SipCall partner)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_bridgedWith, partner))
            {
                return;
            }

            _relay?.Dispose();
            _relay = null;
            _bridgedWith = null;
            if (State == CallState.Bridged)
            {
                State = CallState.Answered;
                Raise(new CallUnbridged(Id, _time.GetUtcNow(), partner.Id));
            }
        }
    }

    /// <summary>Starts the leg's media on the negotiated stream; called under <see cref="_gate"/>.</summary>
    private void StartMedia(NegotiatedAudio audio)
    {
        var endpoint = _endpoint ?? throw new InvalidOperationException("The call has no RTP endpoint.");
        _endpoint = null;
        var media = _engine.Start(endpoint, audio);
        media.DigitReceived += OnDigit;
        media.Inactive += OnMediaInactive;
        _media = media;
        _mediaReady.TrySetResult();
    }

    private void OnDigit(char digit, DtmfSource source)
    {
        lock (_gate)
        {
            if (State != CallState.Ended)
            {
                Raise(new DtmfReceived(Id, _time.GetUtcNow(), digit, source));
            }
        }
    }

    private void OnMediaInactive(CallMedia media)
    {
        lock (_gate)
        {
            _endingReason ??= CallEndReason.MediaTimeout;
        }

        _ = HangupObservedAsync();
    }

    private async Task HangupObservedAsync()
    {
        try
        {
            await HangupAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            SipCallLog.ByeFailed(_logger, exception);
            End(CallEndReason.Failed);
        }
    }

    private CallMedia RequireMedia() =>
        Volatile.Read(ref _media) ?? throw new InvalidOperationException($"The call has no media (it is {State}).");
}
