import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import type { InMemoryBroker } from './in-memory-broker';
/** Options of `InMemoryAckClient`. */
export interface InMemoryAckClientOptions {
    broker: InMemoryBroker;
    /** Queue to publish to. @defaultValue 'default' */
    queue?: string;
}
/** Publishes to an `InMemoryBroker` queue: `emit()` for events, `send()` for requests. */
export declare class InMemoryAckClient extends ClientProxy {
    private readonly broker;
    private readonly queue;
    private readonly replyTo;
    private readonly pending;
    constructor(options: InMemoryAckClientOptions);
    connect(): Promise<void>;
    close(): void;
    unwrap<T>(): T;
    /** Publishes a raw body (for testing undecodable input); returns the broker's message id. */
    publishRaw(body: Buffer, headers?: Record<string, string>): number;
    /** Publishes an event and returns its broker message id (for `broker.historyOf`). */
    emitAndGetId(pattern: unknown, data: unknown): number;
    protected publish(partial: ReadPacket, callback: (packet: WritePacket) => void): () => void;
    protected dispatchEvent<T = any>(packet: ReadPacket): Promise<T>;
    /** Publishes with the trace context headers of a telemetry observer, when one is set. */
    private publishObserved;
    private onReply;
}
