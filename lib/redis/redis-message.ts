import type { InboundMessage } from '../core/inbound-message';
import { entryBytes, fieldMap, headersOf, RedisFields, type EntryFields } from './redis-wire';

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

/**
 * A delivery from its stream entry (`flat`: Redis's `[name, value, ...]`);
 * `deliveryCount` is the pending entry's times-delivered (1 on a first read).
 * `size` is every field's raw bytes; an entry over `maxMessageBytes` is not
 * decoded further (no headers JSON parsed, no reply address read): the core
 * dead-letters it as `deserialization` on its size alone.
 */
export function toRedisMessage(stream: string, id: string, flat: Buffer[] | null | undefined, group: string, deliveryCount: number, maxMessageBytes = Infinity): RedisMessage {
  const size = entryBytes(flat);
  const fields = fieldMap(flat);
  const oversized = size > maxMessageBytes;
  const replyTo = oversized ? undefined : fields.get(RedisFields.REPLY_TO)?.toString('utf8');
  const correlationId = oversized ? undefined : fields.get(RedisFields.CORRELATION_ID)?.toString('utf8');
  return {
    stream,
    id,
    group,
    fields,
    body: fields.get(RedisFields.BODY) ?? Buffer.alloc(0),
    headers: oversized ? {} : headersOf(fields),
    size,
    deliveryCount,
    source: { stream, id, group },
    key: `${stream}/${id}`,
    replyTo: replyTo || undefined,
    correlationId: correlationId || undefined,
  };
}
