"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toKafkaMessage = toKafkaMessage;
const kafka_headers_1 = require("./kafka-headers");
/** Builds the delivery of a fetched record; `deliveryCount` as counted by `from.tracker.deliver`. */
function toKafkaMessage(record, from, deliveryCount) {
    const { topic, partition, tracker } = from;
    const offset = Number(record.offset);
    const headers = (0, kafka_headers_1.headersToStrings)(record.headers);
    const replyPartition = headers[kafka_headers_1.KafkaReplyHeaders.REPLY_PARTITION];
    return {
        body: record.value ?? Buffer.alloc(0),
        recordValue: record.value,
        headers,
        deliveryCount,
        source: { topic, partition, offset },
        key: `${topic}/${partition}/${offset}`,
        pattern: topic,
        replyTo: headers[kafka_headers_1.KafkaReplyHeaders.REPLY_TOPIC],
        correlationId: headers[kafka_headers_1.KafkaReplyHeaders.CORRELATION_ID],
        replyPartition: replyPartition !== undefined && /^\d+$/.test(replyPartition) ? Number(replyPartition) : undefined,
        topic,
        partition,
        offset: record.offset,
        recordKey: record.key,
        rawHeaders: record.headers ?? {},
        timestamp: record.timestamp,
        tracker,
        redelivery: from,
    };
}
//# sourceMappingURL=kafka-message.js.map