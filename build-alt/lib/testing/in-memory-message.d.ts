import type { InboundMessage } from '../core/inbound-message';
import type { StoredMessage } from './in-memory-broker';
/** A delivery of the in-memory broker. */
export interface InMemoryMessage extends InboundMessage {
    messageId: number;
}
export declare function toInMemoryMessage(stored: StoredMessage, queue: string): InMemoryMessage;
