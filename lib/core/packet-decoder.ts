import type { ConsumerDeserializer, IncomingRequest } from '@nestjs/microservices';
import type { InboundMessage } from './inbound-message';

/** Turns a delivery's body into Nest's `{ pattern, data, id }`; throws when it cannot (the message is dead-lettered as `deserialization`). */
export type PacketDecoder<M extends InboundMessage> = (message: M, deserializer: ConsumerDeserializer) => Promise<IncomingRequest>;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The body as text; throws on bytes that are not valid UTF-8, where
 * `Buffer.toString()` would put U+FFFD in their place and change the data in silence.
 */
export function decodeUtf8(body: Uint8Array): string {
  try {
    return strictUtf8.decode(body);
  } catch {
    throw new Error('the body is not valid UTF-8');
  }
}

/** The wire format of most transports: a JSON body `{ pattern, data, id? }`, as Nest's own clients publish it. */
export const decodeJsonPacket: PacketDecoder<InboundMessage> = async (message, deserializer) => {
  const value = JSON.parse(decodeUtf8(message.body));
  const packet = (await deserializer.deserialize(value, { channel: message.pattern })) as IncomingRequest;
  if (packet?.pattern === undefined || packet.pattern === null) throw new Error('message has no pattern');
  return packet;
};
