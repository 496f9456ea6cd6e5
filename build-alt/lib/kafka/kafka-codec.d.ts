import type { PacketDecoder } from '../core/packet-decoder';
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
export declare function decodeValue(value: Buffer | null, nonJsonValues?: NonJsonValues): unknown;
/** How data becomes a Kafka value, as Nest's `KafkaRequestSerializer` encodes it. */
export declare function encodeValue(data: unknown): Buffer | string | null;
/**
 * The pattern is the topic; the value is the data (`decodeValue` under the
 * server's `nonJsonValues`). With a
 * user `deserializer`, it gets the record as Nest's Kafka transport hands it
 * and may set pattern and id.
 */
export declare function kafkaPacketDecoder(customDeserializer: boolean, nonJsonValues?: NonJsonValues): PacketDecoder<KafkaMessage>;
