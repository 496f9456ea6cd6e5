import { RequestAbandonedError } from './errors';
import type { WritePacket } from '@nestjs/microservices';

type ReplyCallback = (packet: WritePacket) => void;

/**
 * The requests a client's `send()` is waiting on, by request id. Every client
 * uses it, so a reply, a failed publish and a lost connection end a request
 * the same way on every broker.
 */
export class PendingRequests {
  private readonly callbacks = new Map<string, ReplyCallback>();

  /** Registers a request; returns the unsubscribe Nest calls when the caller goes away. */
  add(id: string, callback: ReplyCallback): () => void {
    this.callbacks.set(id, callback);
    return () => void this.callbacks.delete(id);
  }

  /** Whether a request with this id is still waiting. */
  has(id: string): boolean {
    return this.callbacks.has(id);
  }

  /** Hands one reply packet to its request; the last one (`isDisposed`, or an error) ends it. Unknown ids are ignored. */
  deliver(id: string, packet: WritePacket): void {
    const callback = this.callbacks.get(id);
    if (!callback) return;
    if (packet.isDisposed || (packet.err !== undefined && packet.err !== null)) {
      this.callbacks.delete(id);
      callback({ ...packet, isDisposed: true });
    } else {
      callback(packet);
    }
  }

  /** Ends one request with an error (its publish failed). */
  fail(id: string, err: unknown): void {
    this.deliver(id, { err: err ?? new RequestAbandonedError('the request failed'), isDisposed: true });
  }

  /** Ends every waiting request with an error (the client closed, the reply channel is gone). */
  failAll(reason: string): void {
    const ids = [...this.callbacks.keys()];
    for (const id of ids) this.fail(id, new RequestAbandonedError(reason));
  }
}

/** A reply body as JSON, or as the text itself when it is not JSON. */
export function parseReplyBody(body: Buffer | string): unknown {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
