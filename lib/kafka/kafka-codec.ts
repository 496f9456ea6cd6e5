import type { IncomingRequest } from '@nestjs/microservices';
import type { PacketDecoder } from '../core/packet-decoder';
import { UndecodableMessageError } from '../core/errors';
import { decodeUtf8 } from '../core/packet-decoder';
import type { KafkaMessage } from './kafka-message';

/** What happens to a Kafka value that is not JSON (option `nonJsonValues`). */
export type NonJsonValues = 'pass' | 'reject';

/**
 * How a Kafka value becomes handler data, as Nest's `KafkaParser` does it, so
 * that messages of Nest's `ClientKafka` are read as Nest reads them:
 * a value starting with `{` or `[` is JSON (and undecodable when it does not
 * parse: rejected with reason `deserialization`), a value starting with a zero
 * byte (schema-registry framing) stays a Buffer, any other value is JSON when
 * it parses (numbers, quoted strings, booleans, null) and otherwise the UTF-8
 * string, an empty value is `''` and a null value (tombstone) is `null`. Text
 * that is not valid UTF-8 throws (rejected with reason `deserialization`): it
 * is never changed in silence.
 *
 * With `nonJsonValues: 'reject'`, every value that is not a JSON text throws
 * instead (plain strings, empty values, tombstones, binary framing).
 */
export function decodeValue(value: Buffer | null, nonJsonValues: NonJsonValues = 'pass'): unknown {
  if (nonJsonValues === 'reject') {
    if (value === null) throw new UndecodableMessageError('the record has no value (a tombstone), and nonJsonValues is \'reject\'');
    return parseJson(decodeUtf8(value)); // throws: not JSON (an empty value included)
  }
  if (value === null || value.length === 0) return value === null ? null : '';
  if (value[0] === 0) return value;
  const text = decodeUtf8(value);
  const first = text.trimStart().charAt(0);
  if (first === '{' || first === '[') return parseJson(text); // throws: undecodable
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The value's JSON; a value that is not JSON is undecodable (the parser's message, which quotes the value, stays in `cause`). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UndecodableMessageError('the value is not JSON', { cause: error });
  }
}

/** How data becomes a Kafka value, as Nest's `KafkaRequestSerializer` encodes it. */
export function encodeValue(data: unknown): Buffer | string | null {
  if (data === undefined || data === null) return null;
  if (typeof data === 'string' || Buffer.isBuffer(data)) return data;
  return JSON.stringify(data);
}

/**
 * The pattern is the topic; the value is the data (`decodeValue` under the
 * server's `nonJsonValues`). With a
 * user `deserializer`, it gets the record as Nest's Kafka transport hands it
 * and may set pattern and id.
 */
export function kafkaPacketDecoder(customDeserializer: boolean, nonJsonValues: NonJsonValues = 'pass'): PacketDecoder<KafkaMessage> {
  // Not async: without a user deserializer the packet is there at once (no promise per record).
  return (message, deserializer) => {
    const data = decodeValue(message.recordValue, nonJsonValues);
    if (!customDeserializer) return { pattern: message.topic, data, id: message.correlationId! };
    const raw = { key: message.recordKey, value: data, headers: message.headers, topic: message.topic, partition: message.partition, offset: message.offset, timestamp: message.timestamp };
    return Promise.resolve(deserializer.deserialize(raw, { channel: message.topic }) as IncomingRequest | Promise<IncomingRequest>).then((packet) => ({
      ...packet,
      pattern: packet?.pattern ?? message.topic,
      id: packet?.id ?? message.correlationId!,
    }));
  };
}
