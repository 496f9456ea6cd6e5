/**
 * Every statement of the PostgreSQL transport, built once per table. Names are
 * quoted identifiers; values are always bind parameters.
 */
/** The states of a row; see `schema.sql`. */
export declare const RowState: {
    readonly PENDING: 'PENDING';
    readonly PROCESSING: 'PROCESSING';
    readonly COMPLETED: 'COMPLETED';
    readonly RETRYABLE: 'RETRYABLE';
    readonly FAILED: 'FAILED';
};
export type RowState = (typeof RowState)[keyof typeof RowState];
/** A quoted SQL identifier: `"name"`, inner quotes doubled. */
export declare function quoteIdent(name: string): string;
/** Where the transport's rows live. */
export interface TableName {
    schema: string;
    table: string;
}
/** The NOTIFY channel that wakes consumers of a table (payload: the queue). */
export declare function wakeChannel({ table }: TableName): string;
/** The statements of one table, names quoted. */
export declare class PostgresSql {
    readonly name: TableName;
    readonly messages: string;
    readonly replies: string;
    readonly channel: string;
    constructor(name: TableName);
    /** The schema, idempotent (`IF NOT EXISTS`); `schema.sql` is the same for the default names. */
    createSchema(): string;
    /** $1 queue, $2 pattern, $3 body, $4 headers, $5 reply_to, $6 correlation_id, $7 channel. Returns the id; wakes consumers at commit. */
    get insert(): string;
    /**
     * Claims up to $2 rows of queue $1 and leases them for $3 ms: due PENDING /
     * RETRYABLE rows (the partial index `claimable`) and PROCESSING rows whose
     * lease ran out (a crashed consumer's). `attempts` counts the claim: it is
     * the delivery count, and identifies this claim in the settle statements.
     */
    get claim(): string;
    /** Rows of queue $1 a claim would take now (due PENDING / RETRYABLE; the partial index `claimable`), for the health probe. */
    get countClaimable(): string;
    /** Rows $1 (ids) claimed after the consumer stopped: back to the queue, the claim not counted. */
    get release(): string;
    /** The guard of every settle: the row is still held by this claim ($1 id, $2 attempts). */
    private readonly held;
    /** $1 id, $2 attempts: locks the row for a handler's transaction, if this claim still holds it. */
    get lockHeld(): string;
    /** $1 id, $2 attempts. */
    get complete(): string;
    /** $1 id, $2 attempts. */
    get delete(): string;
    /** $1 id, $2 attempts, $3 delay ms. */
    get retry(): string;
    /** $1 id, $2 attempts, $3 reason, $4 error name, $5 error message, $6 first failure (an earlier nack's, recorded in the row by any consumer, wins), $7 last failure. */
    get fail(): string;
    /** $1 id, $2 attempts, $3 lease ms. */
    get extendLease(): string;
    /** Settled rows of queue $1 in state $2 older than $3 ms, at most $4 per statement. */
    get purge(): string;
    /** The dead letters of queue $1: its FAILED rows, oldest first. */
    get deadLetters(): string;
    /** Replies nobody collected, older than $1 ms. */
    get purgeReplies(): string;
    /** $1 reply_to (the caller's channel), $2 correlation id, $3 body. Wakes the caller at commit. */
    get insertReply(): string;
    /** $1 reply id: taken once. */
    get takeReply(): string;
    /** Replies of channel $1 (those that came while the caller was reconnecting). */
    get takeRepliesOf(): string;
}
