"use strict";
/**
 * Every statement of the PostgreSQL transport, built once per table. Names are
 * quoted identifiers; values are always bind parameters.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.PostgresSql = exports.RowState = void 0;
exports.quoteIdent = quoteIdent;
exports.wakeChannel = wakeChannel;
/** The states of a row; see `schema.sql`. */
exports.RowState = {
    PENDING: 'PENDING',
    PROCESSING: 'PROCESSING',
    COMPLETED: 'COMPLETED',
    RETRYABLE: 'RETRYABLE',
    FAILED: 'FAILED',
};
/** A quoted SQL identifier: `"name"`, inner quotes doubled. */
function quoteIdent(name) {
    return `"${name.replace(/"/g, '""')}"`;
}
/** The NOTIFY channel that wakes consumers of a table (payload: the queue). */
function wakeChannel({ table }) {
    return `${table}_wake`.slice(0, 63);
}
/** The statements of one table, names quoted. */
class PostgresSql {
    name;
    messages;
    replies;
    channel;
    constructor(name) {
        this.name = name;
        this.messages = `${quoteIdent(name.schema)}.${quoteIdent(name.table)}`;
        this.replies = `${quoteIdent(name.schema)}.${quoteIdent(`${name.table}_replies`)}`;
        this.channel = wakeChannel(name);
    }
    /** The schema, idempotent (`IF NOT EXISTS`); `schema.sql` is the same for the default names. */
    createSchema() {
        const { schema, table } = this.name;
        const index = (suffix) => quoteIdent(`${table}_${suffix}`.slice(0, 63));
        return `
CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)};
CREATE TABLE IF NOT EXISTS ${this.messages} (
  id               bigserial PRIMARY KEY,
  queue            text        NOT NULL,
  pattern          text,
  body             bytea       NOT NULL,
  headers          jsonb       NOT NULL DEFAULT '{}'::jsonb,
  reply_to         text,
  correlation_id   text,
  state            text        NOT NULL DEFAULT 'PENDING'
                   CHECK (state IN ('PENDING', 'PROCESSING', 'COMPLETED', 'RETRYABLE', 'FAILED')),
  attempts         integer     NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  lease_expires_at timestamptz,
  reason           text,
  error_name       text,
  last_error       text,
  first_failure_at timestamptz,
  last_failure_at  timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS ${index('claimable')} ON ${this.messages} (queue, next_attempt_at, id) WHERE state IN ('PENDING', 'RETRYABLE');
CREATE INDEX IF NOT EXISTS ${index('leased')} ON ${this.messages} (queue, lease_expires_at) WHERE state = 'PROCESSING';
CREATE INDEX IF NOT EXISTS ${index('settled')} ON ${this.messages} (queue, state, updated_at) WHERE state IN ('COMPLETED', 'FAILED');
CREATE TABLE IF NOT EXISTS ${this.replies} (
  id             bigserial PRIMARY KEY,
  reply_to       text        NOT NULL,
  correlation_id text        NOT NULL,
  body           bytea       NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);`;
    }
    /** $1 queue, $2 pattern, $3 body, $4 headers, $5 reply_to, $6 correlation_id, $7 channel. Returns the id; wakes consumers at commit. */
    get insert() {
        return `WITH inserted AS (
  INSERT INTO ${this.messages} (queue, pattern, body, headers, reply_to, correlation_id)
  VALUES ($1, $2, $3, $4, $5, $6) RETURNING id
) SELECT id, pg_notify($7, $1) FROM inserted`;
    }
    /**
     * Claims up to $2 rows of queue $1 and leases them for $3 ms: due PENDING /
     * RETRYABLE rows (the partial index `claimable`) and PROCESSING rows whose
     * lease ran out (a crashed consumer's). `attempts` counts the claim: it is
     * the delivery count, and identifies this claim in the settle statements.
     */
    get claim() {
        return `WITH due AS (
  SELECT id FROM ${this.messages}
  WHERE queue = $1 AND state IN ('PENDING', 'RETRYABLE') AND next_attempt_at <= now()
  ORDER BY next_attempt_at, id
  LIMIT $2 FOR UPDATE SKIP LOCKED
), expired AS (
  SELECT id FROM ${this.messages}
  WHERE queue = $1 AND state = 'PROCESSING' AND lease_expires_at < now()
  LIMIT $2 FOR UPDATE SKIP LOCKED
)
UPDATE ${this.messages} m
SET state = 'PROCESSING', attempts = m.attempts + 1, lease_expires_at = now() + $3 * interval '1 millisecond', updated_at = now()
WHERE m.id IN (SELECT id FROM (SELECT id FROM expired UNION ALL SELECT id FROM due) both_kinds LIMIT $2)
RETURNING m.id, m.pattern, m.body, m.headers, m.reply_to, m.correlation_id, m.attempts, m.created_at`;
    }
    /** Rows of queue $1 a claim would take now (due PENDING / RETRYABLE; the partial index `claimable`), for the health probe. */
    get countClaimable() {
        return `SELECT count(*)::int AS ready FROM ${this.messages} WHERE queue = $1 AND state IN ('PENDING', 'RETRYABLE') AND next_attempt_at <= now()`;
    }
    /** Rows $1 (ids) claimed after the consumer stopped: back to the queue, the claim not counted. */
    get release() {
        return `UPDATE ${this.messages}
SET state = CASE WHEN attempts <= 1 THEN 'PENDING' ELSE 'RETRYABLE' END, attempts = attempts - 1, lease_expires_at = NULL, updated_at = now()
WHERE id = ANY($1::bigint[]) AND state = 'PROCESSING'`;
    }
    /** The guard of every settle: the row is still held by this claim ($1 id, $2 attempts). */
    held = `id = $1 AND attempts = $2 AND state = 'PROCESSING'`;
    /** $1 id, $2 attempts: locks the row for a handler's transaction, if this claim still holds it. */
    get lockHeld() {
        return `SELECT id FROM ${this.messages} WHERE ${this.held} FOR UPDATE`;
    }
    /** $1 id, $2 attempts. */
    get complete() {
        return `UPDATE ${this.messages} SET state = 'COMPLETED', lease_expires_at = NULL, updated_at = now() WHERE ${this.held}`;
    }
    /** $1 id, $2 attempts. */
    get delete() {
        return `DELETE FROM ${this.messages} WHERE ${this.held}`;
    }
    /** $1 id, $2 attempts, $3 delay ms. */
    get retry() {
        return `UPDATE ${this.messages}
SET state = 'RETRYABLE', next_attempt_at = now() + $3 * interval '1 millisecond', lease_expires_at = NULL,
    first_failure_at = coalesce(first_failure_at, now()), last_failure_at = now(), updated_at = now()
WHERE ${this.held}`;
    }
    /** $1 id, $2 attempts, $3 reason, $4 error name, $5 error message, $6 first failure (an earlier nack's, recorded in the row by any consumer, wins), $7 last failure. */
    get fail() {
        return `UPDATE ${this.messages}
SET state = 'FAILED', lease_expires_at = NULL, reason = $3, error_name = $4, last_error = $5,
    first_failure_at = coalesce(first_failure_at, $6), last_failure_at = $7, updated_at = now()
WHERE ${this.held}`;
    }
    /** $1 id, $2 attempts, $3 lease ms. */
    get extendLease() {
        return `UPDATE ${this.messages} SET lease_expires_at = now() + $3 * interval '1 millisecond' WHERE ${this.held}`;
    }
    /** Settled rows of queue $1 in state $2 older than $3 ms, at most $4 per statement. */
    get purge() {
        return `DELETE FROM ${this.messages} WHERE id IN (
  SELECT id FROM ${this.messages} WHERE state = $2 AND queue = $1 AND updated_at < now() - $3 * interval '1 millisecond' LIMIT $4
)`;
    }
    /** The dead letters of queue $1: its FAILED rows, oldest first. */
    get deadLetters() {
        return `SELECT id, queue, pattern, body, headers, reason, error_name, last_error, attempts, first_failure_at, last_failure_at
FROM ${this.messages} WHERE queue = $1 AND state = 'FAILED' ORDER BY id`;
    }
    /** Replies nobody collected, older than $1 ms. */
    get purgeReplies() {
        return `DELETE FROM ${this.replies} WHERE created_at < now() - $1 * interval '1 millisecond'`;
    }
    /** $1 reply_to (the caller's channel), $2 correlation id, $3 body. Wakes the caller at commit. */
    get insertReply() {
        return `WITH inserted AS (
  INSERT INTO ${this.replies} (reply_to, correlation_id, body) VALUES ($1, $2, $3) RETURNING id
) SELECT pg_notify($1, id::text) FROM inserted`;
    }
    /** $1 reply id: taken once. */
    get takeReply() {
        return `DELETE FROM ${this.replies} WHERE id = $1 RETURNING correlation_id, body`;
    }
    /** Replies of channel $1 (those that came while the caller was reconnecting). */
    get takeRepliesOf() {
        return `DELETE FROM ${this.replies} WHERE reply_to = $1 RETURNING correlation_id, body`;
    }
}
exports.PostgresSql = PostgresSql;
//# sourceMappingURL=postgres-sql.js.map