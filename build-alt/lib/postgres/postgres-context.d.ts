import type { PoolClient } from 'pg';
import { AckContext } from '../core/ack-context';
import type { PostgresMessage } from './postgres-message';
/** The context of `PostgresAckServer` handlers: the common one plus the row's facts and a transaction that settles with the handler's writes. */
export declare class PostgresAckContext extends AckContext<PostgresMessage> {
    /** The row's id (bigserial, as a string). */
    getId(): string;
    /** The queue the row belongs to. */
    getQueue(): string;
    /** The row's `attempts` column: claims so far, this one included (the delivery count). */
    getAttempts(): number;
    /** When the row was inserted (the publish's transaction time). */
    getCreatedAt(): Date;
    /**
     * Runs `work` in a transaction on the server's pool and acks the message in
     * that same transaction: the handler's writes and the COMPLETED row commit
     * together, or neither does (exactly-once for database side effects). The
     * row is locked `FOR UPDATE` first, so no other consumer can claim it while
     * `work` runs. When `work` throws, the transaction rolls back and the error
     * goes on to the policy (nack / reject) like any handler error. Throws
     * `DeliveryGoneError` when the row is no longer this delivery's (its lease
     * ran out and another consumer claimed it), and an error when the message
     * was settled already.
     */
    transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T>;
}
