"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.probePostgres = probePostgres;
/**
 * Counts the queue's claimable rows (due `PENDING` / `RETRYABLE`, read from
 * the partial index `claimable`) through the server's pool: the query
 * answering is `connected`, the count is `backlog`. The loop keeps claiming
 * by polling while the `LISTEN` connection is away, so `connected` does not
 * depend on it; `state` shows it.
 */
async function probePostgres(source) {
    const base = { transport: 'postgres', state: source.state, consuming: source.consuming };
    if (!source.pool)
        return { ...base, connected: false };
    const { rows } = await source.pool.query(source.sql.countClaimable, [source.queue]);
    const ready = Number(rows[0]?.ready ?? 0);
    return { ...base, connected: true, backlog: ready, details: { table: `${source.sql.name.schema}.${source.sql.name.table}`, queue: source.queue, ready } };
}
//# sourceMappingURL=postgres-health.js.map