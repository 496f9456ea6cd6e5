"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KafkaReplyHeaders = void 0;
exports.headersToStrings = headersToStrings;
exports.mergeDeadLetterHeaders = mergeDeadLetterHeaders;
/**
 * Header names of Nest's Kafka transport (`KafkaHeaders`), used so that our
 * server answers requests of Nest's `ClientKafka` and our client talks to
 * Nest's `ServerKafka`.
 */
exports.KafkaReplyHeaders = {
    CORRELATION_ID: 'kafka_correlationId',
    REPLY_TOPIC: 'kafka_replyTopic',
    REPLY_PARTITION: 'kafka_replyPartition',
    /** Set on an error reply; the value is the error (JSON for objects). */
    NEST_ERR: 'kafka_nest-err',
    /** Set on the last reply of a request. */
    NEST_IS_DISPOSED: 'kafka_nest-is-disposed',
};
/** Headers as strings: binary values decoded as UTF-8, arrays (repeated headers) keep their last value. */
function headersToStrings(headers) {
    const result = {};
    for (const [name, value] of Object.entries(headers ?? {})) {
        const last = Array.isArray(value) ? value[value.length - 1] : value;
        if (last === undefined || last === null)
            continue;
        result[name] = Buffer.isBuffer(last) ? last.toString('utf8') : String(last);
    }
    return result;
}
/**
 * The headers of a dead letter: the original headers byte for byte, then the
 * `x-dead-letter-*` fields (string values from `deadLetterHeaders(record)`),
 * which win over originals of the same name (a dead letter dead-lettered again).
 */
function mergeDeadLetterHeaders(original, originalAsStrings, deadLetter) {
    const merged = { ...original };
    for (const [name, value] of Object.entries(deadLetter)) {
        if (original && name in original && originalAsStrings[name] === value)
            continue; // an original header: keep its bytes
        merged[name] = value;
    }
    return merged;
}
//# sourceMappingURL=kafka-headers.js.map