import type { InboundMessage } from '../core/inbound-message';
import type { StoredMessage } from './in-memory-broker';

/** A delivery of the in-memory broker. */
export interface InMemoryMessage extends InboundMessage {
  messageId: number;
}

export function toInMemoryMessage(stored: StoredMessage, queue: string): InMemoryMessage {
  return {
    messageId: stored.id,
    body: stored.body,
    headers: stored.headers,
    deliveryCount: stored.deliveries,
    source: { queue, messageId: stored.id },
    key: String(stored.id),
    replyTo: stored.replyTo,
    correlationId: stored.correlationId,
  };
}
