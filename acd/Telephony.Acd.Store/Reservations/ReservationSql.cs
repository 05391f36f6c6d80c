namespace Telephony.Acd.Store.Reservations;

/// <summary>
/// The statements behind <see cref="PostgresAgentReservationStore"/>, kept apart so the cross-process race test can
/// run exactly the same text from psql (as prepared statements with the same $n parameters).
/// </summary>
internal static class ReservationSql
{
    /// <summary>
    /// $1 agent, $2 call, $3 host, $4 time. One statement, so PostgreSQL's unique index decides the race: the insert
    /// wins when nobody holds the agent; on conflict the row is touched (and returned) only when this call already
    /// holds it. A row comes back if, and only if, the call now holds the agent.
    /// </summary>
    public const string TryReserve = """
        INSERT INTO acd_agent_reservations AS r (agent_id, call_id, host_id, reserved_at)
        VALUES ($1, $2, $3, $4)
        ON CONFLICT (agent_id) DO UPDATE SET call_id = r.call_id
        WHERE r.call_id = EXCLUDED.call_id
        RETURNING r.call_id AS held_by
        """;

    /// <summary>$1 agent, $2 call: frees the agent only when this call holds it.</summary>
    public const string Release = "DELETE FROM acd_agent_reservations WHERE agent_id = $1 AND call_id = $2";

    /// <summary>$1 host.</summary>
    public const string ReleaseAllForHost = "DELETE FROM acd_agent_reservations WHERE host_id = $1";

    /// <summary>$1 host, $2 live call ids, $3 only holds taken before this time.</summary>
    public const string HoldsOutside = """
        SELECT agent_id, call_id, host_id, reserved_at FROM acd_agent_reservations
        WHERE host_id = $1 AND reserved_at < $3 AND NOT (call_id = ANY ($2))
        ORDER BY reserved_at, agent_id
        """;

    /// <summary>$1 host.</summary>
    public const string HoldsOfHost = """
        SELECT agent_id, call_id, host_id, reserved_at FROM acd_agent_reservations
        WHERE host_id = $1 ORDER BY reserved_at, agent_id
        """;
}
