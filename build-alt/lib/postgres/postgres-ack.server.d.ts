import { AckServer } from '../core/ack-server';
import type { ReplyPublisher } from '../core/broker-commands';
import type { BrokerHealth } from '../core/broker-health';
import type { PostgresAckServerOptions } from './postgres-ack-server-options';
import { PostgresCommands } from './postgres-commands';
import { PostgresAckContext } from './postgres-context';
import { type PostgresMessage } from './postgres-message';
import { type PostgresServerSettings } from './postgres-settings';
/** Identifies this transport to Nest's processing hooks. */
export declare const POSTGRES_TRANSPORT: unique symbol;
/**
 * A NestJS microservice transport on a PostgreSQL table with the nestjs-ack
 * contract: rows are claimed in batches with `FOR UPDATE SKIP LOCKED` and
 * leased; ack marks a row COMPLETED, nack RETRYABLE at `next_attempt_at`,
 * reject FAILED (the dead letter) with reason and error. `LISTEN/NOTIFY`
 * wakes idle consumers, with polling as the fallback.
 *
 * @example
 * ```ts
 * const app = await NestFactory.createMicroservice(AppModule, {
 *   strategy: new PostgresAckServer({ connection: process.env.DATABASE_URL, queue: 'orders', createSchema: true }),
 * });
 * ```
 */
export declare class PostgresAckServer extends AckServer<PostgresMessage> {
    /** The checked transport options. */
    readonly brokerSettings: PostgresServerSettings;
    protected readonly commands: PostgresCommands;
    protected readonly contextType: typeof PostgresAckContext;
    protected readonly replies: ReplyPublisher<PostgresMessage>;
    private readonly sql;
    private readonly loop;
    private pool?;
    private listener?;
    private retentionTimer?;
    private claimFailing;
    constructor(options: PostgresAckServerOptions);
    /** The `pg.Pool` in use (undefined before start and after close). */
    unwrap<T>(): T;
    /** Connected (the pool answered), consuming (the claim loop runs), and the queue's claimable rows (`backlog`). */
    probeHealth(): Promise<BrokerHealth>;
    protected start(): Promise<void>;
    protected stopReceiving(): Promise<void>;
    protected disconnect(): Promise<void>;
    private get connectedPool();
    private claim;
    private release;
    /** Logged once per outage; every failure is an `error` event. */
    private onClaimError;
    private publishReply;
    private startRetention;
}
