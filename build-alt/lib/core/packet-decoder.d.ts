import type { ConsumerDeserializer, IncomingRequest } from '@nestjs/microservices';
import type { InboundMessage } from './inbound-message';
/**
 * Turns a delivery's body into Nest's `{ pattern, data, id }`; throws (or
 * rejects) when it cannot (the message is dead-lettered as `deserialization`).
 * Returns the packet itself when it has it at once: a promise per message
 * costs a microtask hop on the hot path.
 */
export type PacketDecoder<M extends InboundMessage> = (message: M, deserializer: ConsumerDeserializer) => IncomingRequest | Promise<IncomingRequest>;
/**
 * The body as text; throws on bytes that are not valid UTF-8, where
 * `Buffer.toString()` would put U+FFFD in their place and change the data in silence.
 */
export declare function decodeUtf8(body: Uint8Array): string;
/** The wire format of most transports: a JSON body `{ pattern, data, id? }`, as Nest's own clients publish it. */
export declare const decodeJsonPacket: PacketDecoder<InboundMessage>;
