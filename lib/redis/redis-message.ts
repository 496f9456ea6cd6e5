import type { InboundMessage } from '../core/inbound-message';
import { headersOf, RedisFields, type EntryFields } from './redis-wire';

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
export function toRedisMessage(stream: string, id: string, fields: EntryFields, group: string, deliveryCount: number): RedisMessage {
  const replyTo = fields.get(RedisFields.REPLY_TO)?.toString('utf8');
  const correlationId = fields.get(RedisFields.CORRELATION_ID)?.toString('utf8');
  return {
    stream,
    id,
    group,
    fields,
    body: fields.get(RedisFields.BODY) ?? Buffer.alloc(0),
    headers: headersOf(fields),
    deliveryCount,
    source: { stream, id, group },
    key: `${stream}/${id}`,
    replyTo: replyTo || undefined,
    correlationId: correlationId || undefined,
  };
}
