import type { WritePacket } from '@nestjs/microservices';
type ReplyCallback = (packet: WritePacket) => void;
/**
 * The requests a client's `send()` is waiting on, by request id. Every client
 * uses it, so a reply, a failed publish and a lost connection end a request
 * the same way on every broker.
 */
export declare class PendingRequests {
    private readonly callbacks;
    /** Registers a request; returns the unsubscribe Nest calls when the caller goes away. */
    add(id: string, callback: ReplyCallback): () => void;
    /** Whether a request with this id is still waiting. */
    has(id: string): boolean;
    /** Hands one reply packet to its request; the last one (`isDisposed`, or an error) ends it. Unknown ids are ignored. */
    deliver(id: string, packet: WritePacket): void;
    /** Ends one request with an error (its publish failed). */
    fail(id: string, err: unknown): void;
    /** Ends every waiting request with an error (the client closed, the reply channel is gone). */
    failAll(reason: string): void;
}
/** A reply body as JSON, or as the text itself when it is not JSON. */
export declare function parseReplyBody(body: Buffer | string): unknown;
export {};
