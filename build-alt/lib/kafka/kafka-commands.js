"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KafkaCommands = void 0;
const dead_letter_record_1 = require("../core/dead-letter-record");
const errors_1 = require("../core/errors");
const kafka_headers_1 = require("./kafka-headers");
/**
 * Kafka has no per-message ack: settling is about which offset is committed.
 * - ack: the offset is marked settled in its partition's tracker, which
 *   returns the partition's offset to commit; the coalescer commits it (at
 *   once for a durable ack: `ACK_FIRST`).
 * - nack: the partition's worker brings the message back after the delay
 *   (`message.redelivery`: under `ordering: 'partition'` the partition pauses,
 *   then re-reads from the offset or from an earlier nacked offset whose
 *   re-read is still due; under `'key'` / `'none'` only its key waits).
 * - reject: the record (value, key, headers) plus the `x-dead-letter-*` headers
 *   is produced to the dead-letter topic (acks=-1), then the offset is settled.
 *   A producer error (the topic refuses the record) throws before settling.
 */
class KafkaCommands {
    coalescer;
    deadLetterTopic;
    producer;
    constructor(coalescer, deadLetterTopic) {
        this.coalescer = coalescer;
        this.deadLetterTopic = deadLetterTopic;
    }
    /** Produces dead letters with `producer` from now on (`undefined`: a reject throws). */
    use(producer) {
        this.producer = producer;
    }
    async ack(message, { durable }) {
        this.settled(message);
        // ACK_FIRST: commit now, or a crash during the handler would deliver it again.
        if (durable)
            await this.coalescer.flush();
    }
    async nack(message, delayMs) {
        this.assertOwned(message);
        message.redelivery.nack(Number(message.offset), delayMs);
    }
    async reject(message, record) {
        const topic = this.deadLetterTopic?.(message.topic);
        if (topic) {
            if (!this.producer)
                throw new errors_1.DeliveryGoneError('the Kafka producer is closed');
            const headers = (0, kafka_headers_1.mergeDeadLetterHeaders)(message.rawHeaders, message.headers, (0, dead_letter_record_1.deadLetterHeaders)(record));
            await this.producer.send({ topic, acks: -1, messages: [{ key: message.recordKey, value: message.recordValue, headers }] });
        }
        // The dead letter is written; a partition given up meanwhile is read again by its new owner (a duplicate, no loss).
        if (message.tracker.owned)
            this.settled(message);
    }
    /**
     * Marks the message settled and hands its partition's offset to commit to the
     * coalescer. Throws when the partition went to another consumer meanwhile (the
     * settle call then resolves false): the new owner reads the message again from
     * the last commit.
     */
    settled(message) {
        this.assertOwned(message);
        const committable = message.tracker.settle(Number(message.offset));
        this.coalescer.settled(message.topic, message.partition, committable);
    }
    assertOwned(message) {
        if (!message.tracker.owned) {
            throw new errors_1.DeliveryGoneError(`partition ${message.topic}/${message.partition} was given to another consumer, which reads the message again from the last commit`);
        }
    }
}
exports.KafkaCommands = KafkaCommands;
//# sourceMappingURL=kafka-commands.js.map