import type { InboundMessage } from '../core/inbound-message';
import { type EntryFields } from './redis-wire';
/** A delivery of a stream entry to this consumer. */
export interface RedisMessage extends InboundMessage {
    /** The stream the entry is in. */
    stream: string;
    /** The entry id (`<ms>-<seq>`). */
    id: string;
    /** The consumer group that delivered it. */
    group: string;
    /** Every field of the entry, as bytes. */
    fields: EntryFields;
}
/** A delivery from its stream entry; `deliveryCount` is the pending entry's times-delivered (1 on a first read). */
export declare function toRedisMessage(stream: string, id: string, fields: EntryFields, group: string, deliveryCount: number): RedisMessage;
