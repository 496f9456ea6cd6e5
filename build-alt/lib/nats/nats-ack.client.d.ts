import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import type { NatsAckClientOptions } from './nats-ack-client-options';
/**
 * Publishes to a `NatsAckServer` through JetStream: `emit()` resolves once the
 * stream stored the message (its PubAck); `send()` also carries the caller's
 * reply subject in the `nestjs-ack-reply-to` header (the publish's own reply
 * subject gets JetStream's PubAck) and waits for the reply there. Wire format
 * is Nest's: body `{ pattern, data, id }`.
 */
export declare class NatsAckClient extends ClientProxy {
    private readonly options;
    private readonly servers;
    private readonly publishTimeoutMs;
    private readonly pending;
    private connection?;
    private js?;
    private inbox?;
    private replies?;
    private connecting?;
    constructor(options?: NatsAckClientOptions);
    connect(): Promise<void>;
    close(): Promise<void>;
    /** The NATS connection (undefined before `connect()`). */
    unwrap<T>(): T;
    protected publish(partial: ReadPacket, callback: (packet: WritePacket) => void): () => void;
    protected dispatchEvent<T = any>(packet: ReadPacket): Promise<T>;
    private open;
    /**
     * Publishes to the stream and waits for its acknowledgement. While the
     * connection is down or no stream answers, it tries again until
     * `publishTimeoutMs`; every attempt carries the same `Nats-Msg-Id`, so the
     * stream stores the message once (within its duplicate window).
     */
    private publishStored;
    private publishToStream;
    private onReply;
}
