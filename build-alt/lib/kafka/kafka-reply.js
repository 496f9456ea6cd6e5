"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KafkaReplies = void 0;
exports.replyRecord = replyRecord;
const errors_1 = require("../core/errors");
const kafka_codec_1 = require("./kafka-codec");
const kafka_headers_1 = require("./kafka-headers");
const kafka_settings_1 = require("./kafka-settings");
/** Sends replies of `KafkaAckServer` requests to their `kafka_replyTopic` (and `kafka_replyPartition`), acks=-1. */
class KafkaReplies {
    producer;
    /** Sends with `producer` from now on (`undefined`: a reply throws). */
    use(producer) {
        this.producer = producer;
    }
    async publishReply(message, replyTo, packet) {
        if (!this.producer)
            throw new errors_1.DeliveryGoneError('the Kafka producer is closed');
        // The reply topic comes from the request's header. kafkajs keeps every topic a producer sent to in
        // its metadata requests, and an invalid name makes all of them fail (the next dead letter of an
        // unrelated message was refused): refuse the name before the producer sees it.
        (0, kafka_settings_1.assertTopicName)(replyTo, 'reply topic (header kafka_replyTopic)');
        await this.producer.send({ topic: replyTo, acks: -1, messages: [replyRecord(packet, message.correlationId ?? packet.id, message.replyPartition)] });
    }
}
exports.KafkaReplies = KafkaReplies;
/** A reply record in the format of Nest's Kafka transport: the response as the value, the packet's flags as headers. */
function replyRecord(packet, correlationId, partition) {
    const headers = { [kafka_headers_1.KafkaReplyHeaders.CORRELATION_ID]: correlationId };
    if (packet.err !== undefined && packet.err !== null)
        headers[kafka_headers_1.KafkaReplyHeaders.NEST_ERR] = errorText(packet.err);
    if (packet.isDisposed)
        headers[kafka_headers_1.KafkaReplyHeaders.NEST_IS_DISPOSED] = Buffer.alloc(1);
    const record = { value: (0, kafka_codec_1.encodeValue)(packet.response), headers };
    if (partition !== undefined)
        record.partition = partition;
    return record;
}
function errorText(err) {
    if (err instanceof Error)
        return JSON.stringify({ name: err.name, message: err.message });
    if (typeof err === 'object') {
        try {
            return JSON.stringify(err);
        }
        catch {
            return String(err);
        }
    }
    return String(err);
}
//# sourceMappingURL=kafka-reply.js.map