import { createHash } from 'node:crypto';
import { COUNT_HEADERS } from './rabbit-delivery-count';

/** AMQP header values as the handler sees them: strings (Buffers as UTF-8, tables and arrays as JSON). */
export function toStringHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(withoutCountHeaders(headers))) {
    if (value === undefined || value === null) continue;
    result[name] = headerText(value);
  }
  return result;
}

/** The headers without the delivery-count ones the broker and this transport manage. */
export function withoutCountHeaders(headers: Record<string, unknown> | undefined): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!COUNT_HEADERS.includes(name)) result[name] = value;
  }
  return result;
}

/**
 * An identity that survives redeliveries (for the first-failure time): the
 * message id when the publisher set one, else a hash of body and headers.
 */
export function messageKey(messageId: string | undefined, body: Buffer, headers: Record<string, string>): string {
  if (messageId) return `id:${messageId}`;
  const hash = createHash('sha1').update(body).update(JSON.stringify(Object.entries(headers).sort()));
  return `sha1:${hash.digest('hex')}`;
}

function headerText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  try {
    return JSON.stringify(value, (_key, inner) => (typeof inner === 'bigint' ? String(inner) : inner));
  } catch {
    return String(value);
  }
}
