import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import { Pool } from 'pg';
import type { PostgresAckClientOptions, Queryable } from './postgres-ack-client-options';
/**
 * Publishes to a `PostgresAckServer`: `emit()` inserts a PENDING row (and
 * NOTIFYs idle consumers), `emitIn(tx, ...)` inserts it inside your own
 * transaction so the message exists only if that transaction commits, and
 * `send()` waits for the reply row the server writes to `<table>_replies`.
 * Wire format is Nest's: body `{ pattern, data, id }`.
 */
export declare class PostgresAckClient extends ClientProxy {
    private readonly options;
    private readonly settings;
    private readonly sql;
    private readonly reconnectOptions;
    /** This client's reply channel (a NOTIFY channel name). */
    private readonly replyChannel;
    private readonly pending;
    private pool?;
    private connecting?;
    private listener?;
    constructor(options?: PostgresAckClientOptions);
    connect(): Promise<Pool>;
    close(): Promise<void>;
    /** The `pg.Pool` in use (undefined before connect). */
    unwrap<T>(): T;
    /**
     * Publishes an event with `db`, typically a `PoolClient` inside your
     * transaction (`BEGIN` ... `COMMIT`): the row, and the NOTIFY that wakes
     * consumers, exist only once that transaction commits; a rollback leaves no
     * trace. Resolves with the row id.
     */
    emitIn(db: Queryable, pattern: unknown, data: unknown, headers?: Record<string, string>): Promise<string>;
    protected publish(partial: ReadPacket, callback: (packet: WritePacket) => void): () => void;
    protected dispatchEvent<T = any>(packet: ReadPacket): Promise<T>;
    private open;
    private insert;
    private insertRow;
    /** Listens on this client's reply channel, once. */
    private replies;
    private takeReplies;
    private onReply;
}
