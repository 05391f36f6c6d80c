using Telephony.Calls.Events;
using Telephony.Calls.Media;

namespace Telephony.Calls.Control;

/// <summary>One call leg: a citizen's inbound call or a leg we placed. Operations complete in order on the call's worker.</summary>
public interface ICall
{
    /// <summary>Our id of the call (a UUID), the key of its call record.</summary>
    Guid Id { get; }

    /// <summary>The signalling protocol's id (the SIP Call-ID, or the Asterisk channel's unique id).</summary>
    string ProtocolCallId { get; }

    CallDirection Direction { get; }

    /// <summary>The caller: a number or SIP user, as the network presented it.</summary>
    string From { get; }

    /// <summary>What was dialled: the user part of the request URI (the hotline number, or an agent's extension).</summary>
    string To { get; }

    CallState State { get; }

    DateTimeOffset StartedAt { get; }

    /// <summary>Raised for every change of the call, in order, on the call's worker: answered, digits, playback ended, bridged, ended.</summary>
    event Action<CallEvent>? EventRaised;

    /// <summary>Cancelled when the call ends, for work that must stop with it.</summary>
    CancellationToken Ended { get; }

    Task AnswerAsync(CancellationToken cancellationToken);

    Task RejectAsync(CallRejection rejection, CancellationToken cancellationToken);

    /// <summary>Plays the sources in order (once, or looping until cancelled). With barge-in a DTMF digit stops it.</summary>
    Task<PlaybackResult> PlayAsync(IReadOnlyList<AudioSource> sources, PlaybackOptions options, CancellationToken cancellationToken);

    /// <summary>Collects DTMF digits (RFC 4733, SIP INFO, or in-band where enabled) until a count, a terminator or a timeout.</summary>
    Task<DigitsResult> CollectDigitsAsync(DigitCollectionOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// Records what the caller says into a WAV file (voicemail, a spoken appeal) until the maximum duration, a stop digit,
    /// or the end of the call. The file is 8 kHz mono PCM and complete even when the caller hangs up mid-way.
    /// </summary>
    Task<RecordResult> RecordAsync(string path, RecordOptions options, CancellationToken cancellationToken);

    /// <summary>Loops the music until <see cref="StopMusicOnHoldAsync"/>, a bridge, or the end of the call.</summary>
    Task StartMusicOnHoldAsync(AudioSource music, CancellationToken cancellationToken);

    Task StopMusicOnHoldAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Joins this call and another through the media relay: each hears the other. The tap, when given, receives both
    /// directions (this call's audio as <see cref="TapChannel.Caller"/>, the other's as <see cref="TapChannel.Agent"/>).
    /// </summary>
    Task BridgeAsync(ICall other, IMediaTap? tap, CancellationToken cancellationToken);

    /// <summary>Separates a bridged pair; each call stays up on its own.</summary>
    Task UnbridgeAsync(CancellationToken cancellationToken);

    Task HangupAsync(CancellationToken cancellationToken);

    /// <summary>The call's media statistics so far (the call record takes them at the end).</summary>
    CallMediaStatistics MediaStatistics { get; }
}
