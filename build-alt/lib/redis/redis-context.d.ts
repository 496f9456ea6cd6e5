import { AckContext } from '../core/ack-context';
import type { RedisMessage } from './redis-message';
/** The context of `RedisAckServer` handlers: the common one plus the stream entry's facts (read-only; settle through the context). */
export declare class RedisAckContext extends AckContext<RedisMessage> {
    /** The stream the entry is in. */
    getStream(): string;
    /** The entry id (`<ms>-<seq>`). */
    getId(): string;
    /** The consumer group that delivered the entry. */
    getGroup(): string;
    /** Every field of the entry, as bytes. */
    getFields(): ReadonlyMap<string, Buffer>;
}
