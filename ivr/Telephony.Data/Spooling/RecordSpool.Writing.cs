using System.Net.Sockets;
using System.Text.Json;
using Npgsql;

namespace Telephony.Data.Spooling;

public sealed partial class RecordSpool<TRecord>
{
    private enum WriteOutcome
    {
        Written,
        Unavailable,
        Rejected,
    }

    private List<TRecord> TakeBatch()
    {
        var batch = new List<TRecord>(Math.Min(_options.BatchSize, (int)Math.Min(int.MaxValue, PendingRows)));
        while (batch.Count < _options.BatchSize && _pending.TryDequeue(out var record))
        {
            batch.Add(record);
            Interlocked.Decrement(ref _pendingCount);
        }

        return batch;
    }

    private async Task WritePendingAsync(CancellationToken cancellationToken)
    {
        for (var batch = TakeBatch(); batch.Count > 0; batch = TakeBatch())
        {
            if (await WriteAsync(batch, cancellationToken) == WriteOutcome.Unavailable)
            {
                _files.Append(Serialize(batch));
                _metrics.Spooled(_options.Name, batch.Count);
                SpoolPending();
                return;
            }
        }
    }

    /// <summary>Moves every row in memory to the files, behind what is already there.</summary>
    private void SpoolPending()
    {
        for (var batch = TakeBatch(); batch.Count > 0; batch = TakeBatch())
        {
            _files.Append(Serialize(batch));
            _metrics.Spooled(_options.Name, batch.Count);
        }
    }

    /// <summary>Replays the files oldest first; stops at the first one the database cannot take now.</summary>
    private async Task ReplayAsync(CancellationToken cancellationToken)
    {
        _files.Seal();
        while (_files.Oldest is { } segment)
        {
            var records = ReadSegment(segment);
            for (var start = 0; start < records.Count; start += _options.BatchSize)
            {
                var batch = records.GetRange(start, Math.Min(_options.BatchSize, records.Count - start));
                if (await WriteAsync(batch, cancellationToken) == WriteOutcome.Unavailable)
                {
                    return;
                }
            }

            _files.Remove(segment);
            DataLog.SpoolSegmentReplayed(_logger, _options.Name, records.Count, segment.Path);
        }
    }

    private List<TRecord> ReadSegment(SpoolSegment segment)
    {
        var records = new List<TRecord>(segment.Rows);
        foreach (var line in SpoolFiles.ReadLines(segment))
        {
            try
            {
                records.Add(JsonSerializer.Deserialize(line, _json) ?? throw new JsonException("The line holds null."));
            }
            catch (JsonException ex)
            {
                var kept = _files.Reject([line], _time.GetUtcNow());
                DataLog.SpoolLineUnreadable(_logger, ex, _options.Name, segment.Path, kept);
                _metrics.Rejected(_options.Name, 1);
            }
        }

        return records;
    }

    private async Task<WriteOutcome> WriteAsync(List<TRecord> batch, CancellationToken cancellationToken)
    {
        try
        {
            await _sink.WriteAsync(batch, cancellationToken);
            Written(batch.Count);
            return WriteOutcome.Written;
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            Unavailable(ex, batch.Count);
            return WriteOutcome.Unavailable;
        }
        catch (Exception ex) when (batch.Count == 1)
        {
            Reject(batch, ex);
            return WriteOutcome.Rejected;
        }
        catch (Exception)
        {
            // The database refused the batch (bad data, a missing agent, a missing table). Row by row, only the rows
            // at fault are set aside; rows written here and written again by a later replay are skipped by the sink.
            return await WriteOneByOneAsync(batch, cancellationToken);
        }
    }

    private async Task<WriteOutcome> WriteOneByOneAsync(List<TRecord> batch, CancellationToken cancellationToken)
    {
        var outcome = WriteOutcome.Written;
        foreach (var record in batch)
        {
            switch (await WriteAsync([record], cancellationToken))
            {
                case WriteOutcome.Unavailable:
                    return WriteOutcome.Unavailable;
                case WriteOutcome.Rejected:
                    outcome = WriteOutcome.Rejected;
                    break;
            }
        }

        return outcome;
    }

    private void Written(int rows)
    {
        _metrics.Written(_options.Name, rows);
        _unavailable = false;
    }

    private void Unavailable(Exception ex, int rows)
    {
        _retryAt = _time.GetUtcNow() + _options.RetryInterval;
        if (!_unavailable)
        {
            _unavailable = true;
            DataLog.SpoolDatabaseUnavailable(_logger, ex, _options.Name, rows, _files.Rows + PendingRows);
        }
    }

    /// <summary>
    /// Keeps rows the database refused in the rejected folder for a person: retrying cannot help, and keeping them in
    /// line would hold every later row back.
    /// </summary>
    private void Reject(List<TRecord> rows, Exception ex)
    {
        var kept = _files.Reject(Serialize(rows), _time.GetUtcNow());
        DataLog.SpoolRowsRejected(_logger, ex, _options.Name, rows.Count, kept);
        _metrics.Rejected(_options.Name, rows.Count);
    }

    /// <summary>The write may succeed later: the connection failed, timed out, was cut, or the server is starting or stopping.</summary>
    private static bool IsUnavailable(Exception ex) => ex switch
    {
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or SocketException or TimeoutException,
        OperationCanceledException or TimeoutException or IOException or SocketException => true,
        _ => false,
    };

    private List<byte[]> Serialize(List<TRecord> batch) => batch.ConvertAll(record => JsonSerializer.SerializeToUtf8Bytes(record, _json));
}
