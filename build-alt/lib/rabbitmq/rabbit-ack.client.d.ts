import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import type { RabbitAckClientOptions } from './rabbit-ack-client-options';
/**
 * Publishes to a `RabbitAckServer` (or Nest's own `ServerRMQ`): `emit()`
 * resolves once the broker confirmed the message, retrying across a
 * reconnect; `send()` waits for the reply on direct reply-to. Wire format is
 * Nest's: body `{ pattern, data, id }`, `replyTo` and `correlationId`.
 */
export declare class RabbitAckClient extends ClientProxy {
    private readonly options;
    private readonly urls;
    private readonly reconnectOptions;
    private readonly publishTimeoutMs;
    private readonly replyQueue;
    private readonly pending;
    private connection?;
    private connecting?;
    private publisher?;
    constructor(options: RabbitAckClientOptions);
    connect(): Promise<void>;
    close(): Promise<void>;
    /** The live amqplib connection (undefined while disconnected). */
    unwrap<T>(): T;
    protected publish(partial: ReadPacket, callback: (packet: WritePacket) => void): () => void;
    protected dispatchEvent<T = any>(packet: ReadPacket): Promise<T>;
    private open;
    private setup;
    private teardown;
    private encode;
    /** Publishes and waits for the confirm; events retry across reconnects until `publishTimeoutMs`. */
    private publishConfirmed;
    private publishUntilConfirmed;
    private onReply;
}
