using System.Net;
using Dapper;
using Npgsql;
using Telephony.Sip.Registrar;

namespace Telephony.Host.Sip;

/// <summary>
/// The location service in the host's <c>sip_registrations</c> table, shared by every host. Lapsed bindings are never
/// returned (the clock is the injected <see cref="TimeProvider"/>, not the database's) and are deleted when their AOR is
/// written to, or by <see cref="DeleteLapsedAsync"/>.
/// </summary>
public sealed class PostgresRegistrationStore(NpgsqlDataSource dataSource, TimeProvider timeProvider) : IRegistrationStore
{
    public async Task<IReadOnlyList<SipBinding>> FindContactsAsync(string aor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<BindingRow>(new CommandDefinition(
            """
            SELECT aor, contact_uri AS contacturi, host(source_address) AS sourceaddress, source_port AS sourceport, transport,
                   expires_at AS expiresat, q, call_id AS callid, cseq, user_agent AS useragent, host_id AS hostid
            FROM sip_registrations WHERE aor = @aor AND expires_at > @now ORDER BY q DESC NULLS LAST, contact_uri
            """,
            new { aor, now = timeProvider.GetUtcNow() },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToBinding())];
    }

    public async Task SaveAsync(SipBinding binding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(binding);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command(
            "DELETE FROM sip_registrations WHERE aor = $1 AND expires_at <= $2", binding.Aor, timeProvider.GetUtcNow()));
        batch.BatchCommands.Add(Command(
            """
            INSERT INTO sip_registrations
                (aor, contact_uri, source_address, source_port, transport, expires_at, q, call_id, cseq, host_id, user_agent)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (aor, contact_uri) DO UPDATE SET
                source_address = excluded.source_address, source_port = excluded.source_port, transport = excluded.transport,
                expires_at = excluded.expires_at, q = excluded.q, call_id = excluded.call_id, cseq = excluded.cseq,
                host_id = excluded.host_id, user_agent = excluded.user_agent, updated_at = now()
            """,
            binding.Aor,
            binding.ContactUri,
            binding.Source.Address.IsIPv4MappedToIPv6 ? binding.Source.Address.MapToIPv4() : binding.Source.Address,
            binding.Source.Port,
            binding.Transport,
            binding.ExpiresAt,
            binding.Q,
            binding.CallId,
            binding.CSeq,
            binding.HostId,
            binding.UserAgent));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RemoveAsync(string aor, string contactUri, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM sip_registrations WHERE aor = $1 AND contact_uri = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = aor });
        command.Parameters.Add(new NpgsqlParameter { Value = contactUri });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RemoveAllAsync(string aor, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM sip_registrations WHERE aor = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = aor });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes every lapsed binding; for a periodic sweep, as AORs that never register again keep theirs otherwise.</summary>
    public async Task<int> DeleteLapsedAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM sip_registrations WHERE expires_at <= $1");
        command.Parameters.Add(new NpgsqlParameter { Value = timeProvider.GetUtcNow() });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    private sealed record BindingRow(
        string Aor, string ContactUri, string SourceAddress, int SourcePort, string Transport, DateTime ExpiresAt,
        double? Q, string CallId, long Cseq, string? UserAgent, string? HostId)
    {
        public SipBinding ToBinding() => new(
            Aor,
            ContactUri,
            new IPEndPoint(IPAddress.Parse(SourceAddress), SourcePort),
            Transport,
            new DateTimeOffset(DateTime.SpecifyKind(ExpiresAt, DateTimeKind.Utc)),
            Q,
            CallId,
            Cseq,
            UserAgent,
            HostId);
    }
}
