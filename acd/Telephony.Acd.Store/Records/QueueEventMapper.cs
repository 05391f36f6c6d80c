using System.Buffers;
using System.Text;
using System.Text.Json;
using Telephony.Acd.Events;
using Telephony.Acd.Queues;

namespace Telephony.Acd.Store.Records;

/// <summary>
/// Turns the engine's caller events into acd_queue_events rows. The engine knows calls by its own call id; the host
/// resolves that (<see cref="CallIdOf"/>) to the call record's uuid and, for a ring-out (the engine's event does not
/// name the queue), passes the queue the call waits in.
/// </summary>
public static class QueueEventMapper
{
    /// <summary>The engine call id a queue-relevant event is about, or null for events that make no queue row.</summary>
    public static string? CallIdOf(AcdEvent acdEvent) => acdEvent switch
    {
        CallerQueued e => e.CallId,
        AgentOffered e => e.CallId,
        OfferTimedOut e => e.CallId,
        CallerAnswered e => e.CallId,
        CallerAbandoned e => e.CallId,
        CallerOverflowed e => e.CallId,
        _ => null,
    };

    /// <summary>The row for the event, or null when the event makes none (or a ring-out's queue is not known).</summary>
    public static QueueEvent? From(AcdEvent acdEvent, Guid callRecordId, string hostId, string? queueIdOfCall = null)
    {
        ArgumentNullException.ThrowIfNull(acdEvent);
        ArgumentException.ThrowIfNullOrEmpty(hostId);
        var id = Guid.CreateVersion7(acdEvent.At);
        return acdEvent switch
        {
            CallerQueued e => new QueueEvent(id, e.At, callRecordId, e.QueueId, QueueEventKind.Joined, null, hostId,
                Detail(w => w.WriteNumber("priority", e.Priority))),
            AgentOffered e => new QueueEvent(id, e.At, callRecordId, e.QueueId, QueueEventKind.Offered, e.AgentId, hostId, null),
            OfferTimedOut e when queueIdOfCall is not null => new QueueEvent(id, e.At, callRecordId, queueIdOfCall, QueueEventKind.RingNoAnswer, e.AgentId, hostId,
                Detail(w => w.WriteNumber("consecutiveNoAnswers", e.ConsecutiveNoAnswers))),
            CallerAnswered e => new QueueEvent(id, e.At, callRecordId, e.QueueId, QueueEventKind.Answered, e.AgentId, hostId,
                Detail(w =>
                {
                    w.WriteNumber("waitedSeconds", e.Waited.TotalSeconds);
                    w.WriteBoolean("withinServiceLevel", e.WithinServiceLevel);
                })),
            CallerAbandoned e => new QueueEvent(id, e.At, callRecordId, e.QueueId, QueueEventKind.Abandoned, null, hostId,
                Detail(w => w.WriteNumber("waitedSeconds", e.Waited.TotalSeconds))),
            CallerOverflowed e => new QueueEvent(id, e.At, callRecordId, e.QueueId, QueueEventKind.Overflowed, null, hostId,
                Detail(w =>
                {
                    w.WriteString("reason", ReasonWord(e.Reason));
                    w.WriteString("target", TargetWord(e.Target.Kind));
                    if (e.Target.QueueId is { } targetQueue)
                    {
                        w.WriteString("targetQueue", targetQueue);
                    }

                    w.WriteNumber("waitedSeconds", e.Waited.TotalSeconds);
                })),
            _ => null,
        };
    }

    private static string Detail(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string ReasonWord(OverflowReason reason) => reason switch
    {
        OverflowReason.MaxWaitReached => "maxWaitReached",
        OverflowReason.QueueFull => "queueFull",
        OverflowReason.NoAgentsLoggedIn => "noAgentsLoggedIn",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown overflow reason."),
    };

    private static string TargetWord(OverflowKind kind) => kind switch
    {
        OverflowKind.Queue => "queue",
        OverflowKind.Voicemail => "voicemail",
        OverflowKind.Callback => "callback",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown overflow kind."),
    };
}
