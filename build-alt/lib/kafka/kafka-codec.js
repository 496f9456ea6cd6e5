"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.decodeValue = decodeValue;
exports.encodeValue = encodeValue;
exports.kafkaPacketDecoder = kafkaPacketDecoder;
const packet_decoder_1 = require("../core/packet-decoder");
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
function decodeValue(value, nonJsonValues = 'pass') {
    if (nonJsonValues === 'reject') {
        if (value === null)
            throw new Error('the record has no value (a tombstone), and nonJsonValues is \'reject\'');
        return JSON.parse((0, packet_decoder_1.decodeUtf8)(value)); // throws: not JSON (an empty value included)
    }
    if (value === null || value.length === 0)
        return value === null ? null : '';
    if (value[0] === 0)
        return value;
    const text = (0, packet_decoder_1.decodeUtf8)(value);
    const first = text.trimStart().charAt(0);
    if (first === '{' || first === '[')
        return JSON.parse(text); // throws: undecodable
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
/** How data becomes a Kafka value, as Nest's `KafkaRequestSerializer` encodes it. */
function encodeValue(data) {
    if (data === undefined || data === null)
        return null;
    if (typeof data === 'string' || Buffer.isBuffer(data))
        return data;
    return JSON.stringify(data);
}
/**
 * The pattern is the topic; the value is the data (`decodeValue` under the
 * server's `nonJsonValues`). With a
 * user `deserializer`, it gets the record as Nest's Kafka transport hands it
 * and may set pattern and id.
 */
function kafkaPacketDecoder(customDeserializer, nonJsonValues = 'pass') {
    // Not async: without a user deserializer the packet is there at once (no promise per record).
    return (message, deserializer) => {
        const data = decodeValue(message.recordValue, nonJsonValues);
        if (!customDeserializer)
            return { pattern: message.topic, data, id: message.correlationId };
        const raw = { key: message.recordKey, value: data, headers: message.headers, topic: message.topic, partition: message.partition, offset: message.offset, timestamp: message.timestamp };
        return Promise.resolve(deserializer.deserialize(raw, { channel: message.topic })).then((packet) => ({
            ...packet,
            pattern: packet?.pattern ?? message.topic,
            id: packet?.id ?? message.correlationId,
        }));
    };
}
//# sourceMappingURL=kafka-codec.js.map