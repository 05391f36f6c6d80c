using Npgsql;
using Telephony.Data.Spooling;

namespace Telephony.Data.Tests.Spooling;

/// <summary>An idempotent multi-row insert into spool_rows, as the real sinks do; can be told to fail after some batches.</summary>
internal sealed class TestRowSink(NpgsqlDataSource dataSource) : IRecordSink<TestRow>
{
    public const string CreateTable = """
        CREATE TABLE IF NOT EXISTS spool_rows (
            n       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            id      uuid NOT NULL UNIQUE,
            run     text NOT NULL,
            seq     integer NOT NULL CHECK (seq >= 0),
            payload text NOT NULL)
        """;

    /// <summary>Batches to write before every further write fails as if the connection were cut.</summary>
    public int? BatchesBeforeCut { get; set; }

    public int BatchesWritten { get; private set; }

    public async Task WriteAsync(IReadOnlyList<TestRow> records, CancellationToken cancellationToken)
    {
        if (BatchesBeforeCut is { } limit && BatchesWritten >= limit)
        {
            throw new NpgsqlException("connection cut by the test", new IOException("cut"));
        }

        await using var command = dataSource.CreateCommand("""
            INSERT INTO spool_rows (id, run, seq, payload)
            SELECT id, run, seq, payload FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[]) WITH ORDINALITY AS u (id, run, seq, payload, o)
            ORDER BY o
            ON CONFLICT (id) DO NOTHING
            """);
        command.Parameters.Add(new() { Value = records.Select(r => r.Id).ToArray() });
        command.Parameters.Add(new() { Value = records.Select(r => r.Run).ToArray() });
        command.Parameters.Add(new() { Value = records.Select(r => r.Seq).ToArray() });
        command.Parameters.Add(new() { Value = records.Select(r => r.Payload).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
        BatchesWritten++;
    }
}
