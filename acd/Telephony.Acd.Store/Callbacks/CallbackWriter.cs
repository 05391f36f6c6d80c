using Microsoft.Extensions.Logging;
using Telephony.Acd.Store.Records;
using Telephony.Data.Diagnostics;
using Telephony.Data.Spooling;

namespace Telephony.Acd.Store.Callbacks;

/// <summary>
/// Hands callback requests and their outcomes to acd_callbacks off the dispatcher's loop, in the order written, through
/// the spool directory <c>&lt;spoolRoot&gt;/callbacks</c> while the database is away: a request taken while the
/// database is down keeps its place in memory and reaches the table when the database is back, even after a restart.
/// </summary>
public sealed class CallbackWriter(PostgresCallbackStore store, string spoolRoot, TimeProvider timeProvider, DataMetrics metrics, ILogger<CallbackWriter> logger)
    : SpooledRecordWriter<CallbackChange>(SpoolName, new CallbackChangeSink(store), AcdStoreJsonContext.Default.CallbackChange, spoolRoot, timeProvider, metrics, logger)
{
    public const string SpoolName = "callbacks";

    public void Write(CallbackChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Add(change);
    }
}
