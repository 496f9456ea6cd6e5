import type { Pool } from 'pg';
import type { AckOptions, BrokerCommands } from '../core/broker-commands';
import type { DeadLetterRecord } from '../core/dead-letter-record';
import type { PostgresMessage } from './postgres-message';
import type { PostgresServerSettings } from './postgres-settings';
import type { PostgresSql } from './postgres-sql';
/**
 * ack / nack / reject / lease as row updates. Each statement only applies
 * while the row is still held by the delivery's claim (same `attempts`, still
 * PROCESSING); otherwise its lease ran out and another consumer may hold it:
 * `DeliveryGoneError`. Each statement commits on its own, so `durable` holds.
 */
export declare class PostgresCommands implements BrokerCommands<PostgresMessage> {
    private readonly pool;
    private readonly sql;
    private readonly settings;
    /** Called after a nack with its delay: the consumer wakes up when the row is due. */
    private readonly onRetry;
    readonly leaseRenewalMs: number;
    constructor(pool: () => Pool, sql: PostgresSql, settings: PostgresServerSettings, 
    /** Called after a nack with its delay: the consumer wakes up when the row is due. */
    onRetry: (delayMs: number) => void);
    ack(message: PostgresMessage, _options: AckOptions): Promise<void>;
    nack(message: PostgresMessage, delayMs: number): Promise<void>;
    /** FAILED with the record's fields is this transport's dead letter; a failed update throws and the row stays unsettled. */
    reject(message: PostgresMessage, record: DeadLetterRecord): Promise<void>;
    extendLease(message: PostgresMessage): Promise<void>;
    /** Runs on the handler's open transaction when there is one (the settlement commits with its writes), else on the pool. */
    private held;
}
