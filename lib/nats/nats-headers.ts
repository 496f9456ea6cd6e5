import type { MsgHdrs } from '@nats-io/transport-node';
import { headers as createHeaders } from '@nats-io/transport-node';

/** Header carrying the caller's reply subject: JetStream answers a publish's own reply subject with its PubAck. */
export const REPLY_TO_HEADER = 'nestjs-ack-reply-to';

/** NATS headers as strings; a repeated header's values joined with `,`. */
export function toStringHeaders(headers: MsgHdrs | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  if (!headers) return result;
  for (const key of headers.keys()) result[key] = headers.values(key).join(',');
  return result;
}

/** String headers as NATS headers. */
export function toNatsHeaders(values: Record<string, string>): MsgHdrs {
  const headers = createHeaders();
  for (const [key, value] of Object.entries(values)) headers.set(key, value);
  return headers;
}

/**
 * Headers for a copy of a stored message: publish preconditions
 * (`Nats-Expected-*`) and the original `Nats-Msg-Id` (it would deduplicate the
 * copy against unrelated messages) are left out.
 */
export function copyHeaders(values: Record<string, string>): MsgHdrs {
  return toNatsHeaders(Object.fromEntries(Object.entries(values).filter(([key]) => !/^nats-(expected-|msg-id$)/i.test(key))));
}
