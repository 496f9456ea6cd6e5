/**
 * Every statement of the PostgreSQL transport, built once per table. Names are
 * quoted identifiers; values are always bind parameters.
 */

/** The states of a row; see `schema.sql`. */
export const RowState = {
  PENDING: 'PENDING',
  PROCESSING: 'PROCESSING',
  COMPLETED: 'COMPLETED',
  RETRYABLE: 'RETRYABLE',
  FAILED: 'FAILED',
} as const;
export type RowState = (typeof RowState)[keyof typeof RowState];

/** A quoted SQL identifier: `"name"`, inner quotes doubled. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Where the transport's rows live. */
export interface TableName {
  schema: string;
  table: string;
}

/** The NOTIFY channel that wakes consumers of a table (payload: the queue). */
export function wakeChannel({ table }: TableName): string {
  return `${table}_wake`.slice(0, 63);
}

/** The statements of one table, names quoted. */
export class PostgresSql {
  readonly messages: string;
  readonly replies: string;
  readonly channel: string;

  constructor(readonly name: TableName) {
    this.messages = `${quoteIdent(name.schema)}.${quoteIdent(name.table)}`;
    this.replies = `${quoteIdent(name.schema)}.${quoteIdent(`${name.table}_replies`)}`;
    this.channel = wakeChannel(name);
  }

  /** The schema, idempotent (`IF NOT EXISTS`); `schema.sql` is the same for the default names. */
  createSchema(): string {
    const { schema, table } = this.name;
    const index = (suffix: string) => quoteIdent(`${table}_${suffix}`.slice(0, 63));
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
  get insert(): string {
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
   * `size` is every column a producer wrote, in bytes, measured in the
   * database (`octet_length` of a bytea reads no TOASTed data); a row over $4
   * bytes comes back without them, so it is never loaded into this process.
   */
  get claim(): string {
    const size = `octet_length(body)::bigint + octet_length(headers::text) + coalesce(octet_length(pattern), 0) + coalesce(octet_length(reply_to), 0) + coalesce(octet_length(correlation_id), 0)`;
    return `WITH due AS (
  SELECT id, ${size} AS size FROM ${this.messages}
  WHERE queue = $1 AND state IN ('PENDING', 'RETRYABLE') AND next_attempt_at <= now()
  ORDER BY next_attempt_at, id
  LIMIT $2 FOR UPDATE SKIP LOCKED
), expired AS (
  SELECT id, ${size} AS size FROM ${this.messages}
  WHERE queue = $1 AND state = 'PROCESSING' AND lease_expires_at < now()
  LIMIT $2 FOR UPDATE SKIP LOCKED
), picked AS (
  SELECT id, size, size <= $4::bigint AS fits FROM (SELECT id, size FROM expired UNION ALL SELECT id, size FROM due) both_kinds LIMIT $2
)
UPDATE ${this.messages} m
SET state = 'PROCESSING', attempts = m.attempts + 1, lease_expires_at = now() + $3 * interval '1 millisecond', updated_at = now()
FROM picked p
WHERE m.id = p.id
RETURNING m.id, m.attempts, m.created_at, p.size,
  CASE WHEN p.fits THEN m.pattern END AS pattern, CASE WHEN p.fits THEN m.body END AS body, CASE WHEN p.fits THEN m.headers END AS headers,
  CASE WHEN p.fits THEN m.reply_to END AS reply_to, CASE WHEN p.fits THEN m.correlation_id END AS correlation_id`;
  }

  /** Rows of queue $1 a claim would take now (due PENDING / RETRYABLE; the partial index `claimable`), for the health probe. */
  get countClaimable(): string {
    return `SELECT count(*)::int AS ready FROM ${this.messages} WHERE queue = $1 AND state IN ('PENDING', 'RETRYABLE') AND next_attempt_at <= now()`;
  }

  /** Rows $1 (ids) claimed after the consumer stopped: back to the queue, the claim not counted. */
  get release(): string {
    return `UPDATE ${this.messages}
SET state = CASE WHEN attempts <= 1 THEN 'PENDING' ELSE 'RETRYABLE' END, attempts = attempts - 1, lease_expires_at = NULL, updated_at = now()
WHERE id = ANY($1::bigint[]) AND state = 'PROCESSING'`;
  }

  /** The guard of every settle: the row is still held by this claim ($1 id, $2 attempts). */
  private readonly held = `id = $1 AND attempts = $2 AND state = 'PROCESSING'`;

  /** $1 id, $2 attempts: locks the row for a handler's transaction, if this claim still holds it. */
  get lockHeld(): string {
    return `SELECT id FROM ${this.messages} WHERE ${this.held} FOR UPDATE`;
  }

  /** $1 id, $2 attempts. */
  get complete(): string {
    return `UPDATE ${this.messages} SET state = 'COMPLETED', lease_expires_at = NULL, updated_at = now() WHERE ${this.held}`;
  }

  /** $1 id, $2 attempts. */
  get delete(): string {
    return `DELETE FROM ${this.messages} WHERE ${this.held}`;
  }

  /** $1 id, $2 attempts, $3 delay ms. */
  get retry(): string {
    return `UPDATE ${this.messages}
SET state = 'RETRYABLE', next_attempt_at = now() + $3 * interval '1 millisecond', lease_expires_at = NULL,
    first_failure_at = coalesce(first_failure_at, now()), last_failure_at = now(), updated_at = now()
WHERE ${this.held}`;
  }

  /** $1 id, $2 attempts, $3 reason, $4 error name, $5 error message, $6 first failure (an earlier nack's, recorded in the row by any consumer, wins), $7 last failure. */
  get fail(): string {
    return `UPDATE ${this.messages}
SET state = 'FAILED', lease_expires_at = NULL, reason = $3, error_name = $4, last_error = $5,
    first_failure_at = coalesce(first_failure_at, $6), last_failure_at = $7, updated_at = now()
WHERE ${this.held}`;
  }

  /** $1 id, $2 attempts, $3 lease ms. */
  get extendLease(): string {
    return `UPDATE ${this.messages} SET lease_expires_at = now() + $3 * interval '1 millisecond' WHERE ${this.held}`;
  }

  /** Settled rows of queue $1 in state $2 older than $3 ms, at most $4 per statement. */
  get purge(): string {
    return `DELETE FROM ${this.messages} WHERE id IN (
  SELECT id FROM ${this.messages} WHERE state = $2 AND queue = $1 AND updated_at < now() - $3 * interval '1 millisecond' LIMIT $4
)`;
  }

  /** The dead letters of queue $1: its FAILED rows, oldest first. */
  get deadLetters(): string {
    return `SELECT id, queue, pattern, body, headers, reason, error_name, last_error, attempts, first_failure_at, last_failure_at
FROM ${this.messages} WHERE queue = $1 AND state = 'FAILED' ORDER BY id`;
  }

  /** Replies nobody collected, older than $1 ms. */
  get purgeReplies(): string {
    return `DELETE FROM ${this.replies} WHERE created_at < now() - $1 * interval '1 millisecond'`;
  }

  /** $1 reply_to (the caller's channel), $2 correlation id, $3 body. Wakes the caller at commit. */
  get insertReply(): string {
    return `WITH inserted AS (
  INSERT INTO ${this.replies} (reply_to, correlation_id, body) VALUES ($1, $2, $3) RETURNING id
) SELECT pg_notify($1, id::text) FROM inserted`;
  }

  /** $1 reply id, $2 the caller's channel: taken once, and only by the client it was filed for. */
  get takeReply(): string {
    return `DELETE FROM ${this.replies} WHERE id = $1 AND reply_to = $2 RETURNING correlation_id, body`;
  }

  /** Replies of channel $1 (those that came while the caller was reconnecting). */
  get takeRepliesOf(): string {
    return `DELETE FROM ${this.replies} WHERE reply_to = $1 RETURNING correlation_id, body`;
  }
}
