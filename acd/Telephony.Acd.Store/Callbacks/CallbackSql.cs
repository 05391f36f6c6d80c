namespace Telephony.Acd.Store.Callbacks;

/// <summary>The statements behind <see cref="PostgresCallbackStore"/>; every change of a row is one statement.</summary>
internal static class CallbackSql
{
    private const string Columns = """
        id, original_call_id, queue_id, number, language, topic, skills, enqueued_at, priority, attempts_allowed,
        retry_interval_ms, attempts_made, next_attempt_at, state, owner_host_id, lease_expires_at
        """;

    /// <summary>
    /// $1 id, $2 original call, $3 queue, $4 number, $5 language, $6 topic, $7 skills, $8 enqueued at, $9 priority,
    /// $10 attempts allowed, $11 retry interval ms, $12 next attempt at, $13 owner host, $14 lease until, $15 now.
    /// A request replayed from the spool (same original call) is left as it is.
    /// </summary>
    public const string Insert = """
        INSERT INTO acd_callbacks (id, original_call_id, queue_id, number, language, topic, skills, enqueued_at, priority,
            attempts_allowed, retry_interval_ms, next_attempt_at, state, owner_host_id, lease_expires_at, requested_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'pending', $13, $14, $15, $15)
        ON CONFLICT (original_call_id) DO NOTHING
        """;

    /// <summary>
    /// $1 host, $2 now, $3 lease until, $4 also take this host's own rows (at start, when it holds none in memory),
    /// $5 at most this many. Rows another claimer has locked are skipped, so two claimers never take the same row.
    /// </summary>
    public const string Claim = $"""
        WITH taken AS (
            SELECT id AS taken_id FROM acd_callbacks
            WHERE state IN ('pending', 'dialling')
              AND (owner_host_id IS NULL OR lease_expires_at < $2 OR ($4 AND owner_host_id = $1))
            ORDER BY enqueued_at, id
            LIMIT $5
            FOR UPDATE SKIP LOCKED)
        UPDATE acd_callbacks c SET owner_host_id = $1, lease_expires_at = $3, state = 'pending', updated_at = $2
        FROM taken WHERE c.id = taken.taken_id
        RETURNING {Columns}
        """;

    /// <summary>$1 host, $2 now, $3 lease until: extends the leases of the open rows this host owns; returns their original calls.</summary>
    public const string Renew = """
        UPDATE acd_callbacks SET lease_expires_at = $3, updated_at = $2
        WHERE owner_host_id = $1 AND state IN ('pending', 'dialling')
        RETURNING original_call_id
        """;

    /// <summary>
    /// $1 original call, $2 host, $3 now, $4 new state, $5 attempts made, $6 next attempt at. Only the owner of an open
    /// row changes it: a host that lost its lease to another cannot undo what the new owner does.
    /// </summary>
    public const string Update = """
        UPDATE acd_callbacks SET state = $4, attempts_made = $5, next_attempt_at = $6, updated_at = $3,
            owner_host_id = CASE WHEN $4 IN ('completed', 'given_up') THEN NULL ELSE owner_host_id END,
            lease_expires_at = CASE WHEN $4 IN ('completed', 'given_up') THEN NULL ELSE lease_expires_at END
        WHERE original_call_id = $1 AND owner_host_id = $2 AND state IN ('pending', 'dialling')
        """;

    /// <summary>$1 host, $2 now: a host stopping cleanly hands its pending rows to whichever host looks next.</summary>
    public const string Release = """
        UPDATE acd_callbacks SET owner_host_id = NULL, lease_expires_at = NULL, updated_at = $2
        WHERE owner_host_id = $1 AND state = 'pending'
        """;

    /// <summary>$1 original call.</summary>
    public const string Find = $"SELECT {Columns} FROM acd_callbacks WHERE original_call_id = $1";
}
