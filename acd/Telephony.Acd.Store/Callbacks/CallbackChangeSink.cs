using Telephony.Data.Spooling;

namespace Telephony.Acd.Store.Callbacks;

/// <summary>
/// Applies callback changes in order, each one statement of <see cref="PostgresCallbackStore"/>. A replay repeats an
/// insert that is skipped and updates that set the same values, so the spool may hand a batch over twice.
/// </summary>
internal sealed class CallbackChangeSink(PostgresCallbackStore store) : IRecordSink<CallbackChange>
{
    public async Task WriteAsync(IReadOnlyList<CallbackChange> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var change in records)
        {
            if (change.Request is { } request)
            {
                await store.InsertAsync(request, cancellationToken);
            }
            else
            {
                await store.UpdateAsync(change.OriginalCallId, change.State, change.AttemptsMade, change.NextAttemptAt, cancellationToken);
            }
        }
    }
}
