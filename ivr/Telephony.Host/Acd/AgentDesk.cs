using System.Collections.Concurrent;
using Npgsql;
using Telephony.Acd.Agents;
using Telephony.Acd.Store.Records;
using Telephony.Host.Calls;

namespace Telephony.Host.Acd;

/// <summary>
/// Builds the agent desktop's view: the dispatcher's snapshot of the agent, the menu path from the live call, and the
/// caller's earlier calls from the call records. Path and history are remembered per call so a page refreshed on every
/// change does not query the database again for the same call.
/// </summary>
public sealed class AgentDesk(AcdDispatcher dispatcher, HotlineCallFlow calls, CallRecordQueries records, TimeProvider time, ILogger<AgentDesk> logger)
{
    /// <summary>Earlier calls shown on a card.</summary>
    public const int HistoryLength = 10;

    /// <summary>Calls remembered before the memory is cleared: far more than agents on calls at once.</summary>
    private const int RememberedCalls = 2_000;

    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _paths = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<CallerHistoryEntry>> _histories = new(StringComparer.Ordinal);

    /// <summary>The agent's desk now; null when the extension is no agent's.</summary>
    public async Task<AgentDeskView?> ViewAsync(string extension, CancellationToken cancellationToken)
    {
        if (await dispatcher.GetDeskAsync(extension, cancellationToken).ConfigureAwait(false) is not { } desk)
        {
            return null;
        }

        var call = desk.Card is { } card ? await CallViewAsync(card, cancellationToken).ConfigureAwait(false) : null;
        return new AgentDeskView(time.GetUtcNow(), desk.Extension, StatusWord(desk.Status), desk.BreakReason, StateWord(desk.State), desk.StateSince, call, desk.LastCall);
    }

    public static string StatusWord(AgentStatus status) => status switch
    {
        AgentStatus.Available => "available",
        AgentStatus.OnBreak => "break",
        _ => "loggedOut",
    };

    public static string StateWord(AgentState state) => state switch
    {
        AgentState.Reserved => "reserved",
        AgentState.Ringing => "ringing",
        AgentState.OnCall => "onCall",
        AgentState.WrapUp => "wrapUp",
        _ => "idle",
    };

    private async Task<DeskCallView> CallViewAsync(DeskCallCard card, CancellationToken cancellationToken)
    {
        var path = _paths.TryGetValue(card.CallId, out var known) ? known : Remember(_paths, card.CallId, LivePath(card.CallId));
        var history = _histories.TryGetValue(card.CallId, out var earlier) ? earlier
            : await HistoryAsync(card, cancellationToken).ConfigureAwait(false);
        return new DeskCallView(card.CallId, card.Caller, card.Queue, card.Language, card.Topic, path, card.EnqueuedAt, card.OfferedAt, card.AnsweredAt, history);
    }

    /// <summary>The menu path of the call while it is up; once it is over the card keeps what was remembered.</summary>
    private IReadOnlyList<string> LivePath(string callId) =>
        calls.Calls.FirstOrDefault(active => string.Equals(active.Caller.Id.ToString(), callId, StringComparison.Ordinal))?.IvrPath ?? [];

    private async Task<IReadOnlyList<CallerHistoryEntry>> HistoryAsync(DeskCallCard card, CancellationToken cancellationToken)
    {
        try
        {
            var history = await records.CallerHistoryAsync(card.Caller, HistoryLength + 1, cancellationToken).ConfigureAwait(false);
            return Remember(_histories, card.CallId, [.. history.Where(entry => entry.Id.ToString() != card.CallId).Take(HistoryLength)]);
        }
        catch (NpgsqlException exception)
        {
            // The card is still useful without history while the database is away; the next refresh tries again.
            AgentDeskLog.HistoryUnavailable(logger, exception);
            return [];
        }
    }

    private static T Remember<T>(ConcurrentDictionary<string, T> memory, string callId, T value)
    {
        if (memory.Count >= RememberedCalls)
        {
            memory.Clear();
        }

        memory[callId] = value;
        return value;
    }
}
