import { UndecodableMessageError } from './errors';
import type { ConsumerDeserializer, IncomingRequest } from '@nestjs/microservices';
import type { InboundMessage } from './inbound-message';

/**
 * Turns a delivery's body into Nest's `{ pattern, data, id }`; throws (or
 * rejects) when it cannot (the message is dead-lettered as `deserialization`).
 * Returns the packet itself when it has it at once: a promise per message
 * costs a microtask hop on the hot path.
 */
export type PacketDecoder<M extends InboundMessage> = (message: M, deserializer: ConsumerDeserializer) => IncomingRequest | Promise<IncomingRequest>;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The body as text; throws on bytes that are not valid UTF-8, where
 * `Buffer.toString()` would put U+FFFD in their place and change the data in silence.
 */
export function decodeUtf8(body: Uint8Array): string {
  try {
    return strictUtf8.decode(body);
  } catch {
    throw new UndecodableMessageError('the body is not valid UTF-8');
  }
}

/** The wire format of most transports: a JSON body `{ pattern, data, id? }`, as Nest's own clients publish it. */
export const decodeJsonPacket: PacketDecoder<InboundMessage> = (message, deserializer) => {
  const value = JSON.parse(decodeUtf8(message.body));
  // Nest's own deserializers answer at once; a user's may return a promise.
  const packet = deserializer.deserialize(value, { channel: message.pattern }) as IncomingRequest | Promise<IncomingRequest>;
  return packet instanceof Promise ? packet.then(withPattern) : withPattern(packet);
};

function withPattern(packet: IncomingRequest): IncomingRequest {
  if (packet?.pattern === undefined || packet.pattern === null) throw new UndecodableMessageError('the message has no pattern');
  return packet;
}
