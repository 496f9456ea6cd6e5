import type { Message } from 'amqplib';

/** Short-string properties of a content header (each a length byte plus its bytes on the wire). */
const SHORT_STRING_PROPERTIES = ['contentType', 'contentEncoding', 'correlationId', 'replyTo', 'expiration', 'messageId', 'type', 'userId', 'appId', 'clusterId'] as const;

/**
 * The bytes of a delivery as it came off the wire, near enough: the body, the
 * headers table in AMQP field-table encoding and the string properties.
 * amqplib hands a message over only once it holds all of it, so this is as
 * early as a limit can be checked on the client; the broker's own
 * `max_message_size` (rabbitmq.conf) bounds what reaches the process, and the
 * headers ride in one frame (at most `frame_max`, 128 KiB by default).
 */
export function rabbitMessageSize(raw: Message): number {
  const { properties } = raw;
  let size = raw.content.length + tableBytes(properties.headers);
  for (const name of SHORT_STRING_PROPERTIES) {
    const value: unknown = properties[name];
    if (typeof value === 'string') size += 1 + Buffer.byteLength(value);
  }
  return size;
}

/** Field-table size, walked without recursion (a nested table cannot exhaust the stack). */
function tableBytes(headers: Record<string, unknown> | undefined): number {
  if (!headers) return 0;
  let size = 0;
  const pending: unknown[] = [headers];
  while (pending.length > 0) {
    const value = pending.pop();
    size += 1; // type tag
    if (typeof value === 'string') size += 4 + Buffer.byteLength(value);
    else if (Buffer.isBuffer(value)) size += 4 + value.length;
    else if (typeof value === 'number' || typeof value === 'bigint' || value instanceof Date) size += 8;
    else if (typeof value === 'boolean') size += 1;
    else if (Array.isArray(value)) {
      size += 4;
      for (const item of value) pending.push(item);
    } else if (value !== null && typeof value === 'object') {
      size += 4;
      for (const [name, inner] of Object.entries(value)) {
        size += 1 + Buffer.byteLength(name);
        pending.push(inner);
      }
    }
  }
  return size;
}
