using Telephony.Calls.Control;
using Telephony.Calls.Events;
using Telephony.Calls.Media;

namespace Telephony.Host.Acd;

/// <summary>
/// The leg of a caller who asked to be called back and left, when the callback comes from the store (after a restart,
/// or from a host that died): the dispatcher keeps the callback under the original call's id and number, as it does
/// for a callback it took itself, but there is no leg to talk to, so every operation on it is refused.
/// </summary>
internal sealed class DepartedCaller(Guid id, string number, DateTimeOffset startedAt) : ICall
{
    public Guid Id { get; } = id;

    public string ProtocolCallId => string.Empty;

    public CallDirection Direction => CallDirection.Inbound;

    public string From { get; } = number;

    public string To => string.Empty;

    public CallState State => CallState.Ended;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public CancellationToken Ended => new(canceled: true);

    public CallMediaStatistics MediaStatistics => CallMediaStatistics.Empty;

    event Action<CallEvent>? ICall.EventRaised
    {
        add { }
        remove { }
    }

    public Task AnswerAsync(CancellationToken cancellationToken) => Gone<bool>();

    public Task RejectAsync(CallRejection rejection, CancellationToken cancellationToken) => Gone<bool>();

    public Task<PlaybackResult> PlayAsync(IReadOnlyList<AudioSource> sources, PlaybackOptions options, CancellationToken cancellationToken) => Gone<PlaybackResult>();

    public Task<DigitsResult> CollectDigitsAsync(DigitCollectionOptions options, CancellationToken cancellationToken) => Gone<DigitsResult>();

    public Task<RecordResult> RecordAsync(string path, RecordOptions options, CancellationToken cancellationToken) => Gone<RecordResult>();

    public Task StartMusicOnHoldAsync(AudioSource music, CancellationToken cancellationToken) => Gone<bool>();

    public Task StopMusicOnHoldAsync(CancellationToken cancellationToken) => Gone<bool>();

    public Task BridgeAsync(ICall other, IMediaTap? tap, CancellationToken cancellationToken) => Gone<bool>();

    public Task UnbridgeAsync(CancellationToken cancellationToken) => Gone<bool>();

    /// <summary>Hanging up a leg that has ended is done already.</summary>
    public Task HangupAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static Task<T> Gone<T>() => Task.FromException<T>(new InvalidOperationException("The caller left; the callback is dialled as a new call."));
}
