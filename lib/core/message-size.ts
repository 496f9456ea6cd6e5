import type { InboundMessage } from './inbound-message';

/**
 * The size `maxMessageBytes` is checked against: what the transport measured
 * on the wire when it did (`size`), else the body plus every header name and
 * value in UTF-8 bytes.
 */
export function messageBytes(message: InboundMessage): number {
  if (message.size !== undefined) return message.size;
  let size = message.body.length;
  for (const name in message.headers) size += Buffer.byteLength(name) + Buffer.byteLength(message.headers[name]);
  return size;
}
