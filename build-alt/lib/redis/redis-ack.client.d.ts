import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import type { RedisAckClientOptions } from './redis-ack-client-options';
/**
 * Publishes to a `RedisAckServer`: `emit()` is an `XADD` to the stream named
 * by the pattern (resolves once Redis stored it); `send()` also names this
 * client's reply list and waits there (`BLPOP`) for the replies, matched by
 * the request id. Entry fields: `body` (Nest's JSON packet), `headers`,
 * `replyTo`, `correlationId`.
 */
export declare class RedisAckClient extends ClientProxy {
    private readonly options;
    private readonly reconnectOptions;
    private readonly replyKey;
    private readonly pending;
    private redis?;
    private replies?;
    private connecting?;
    private closed;
    constructor(options?: RedisAckClientOptions);
    connect(): Promise<void>;
    close(): Promise<void>;
    /** The ioredis client of commands (undefined before connect). */
    unwrap<T>(): T;
    protected publish(partial: ReadPacket, callback: (packet: WritePacket) => void): () => void;
    protected dispatchEvent<T = any>(packet: ReadPacket): Promise<T>;
    private open;
    /** `XADD <stream> [MAXLEN ~ n] * body <packet> [headers <json>] ...extra`; the stream is the pattern. */
    private add;
    private addToStream;
    private startReplyLoop;
    private replyLoop;
    private onReply;
}
