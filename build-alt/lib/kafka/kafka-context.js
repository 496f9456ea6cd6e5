"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KafkaAckContext = void 0;
const ack_context_1 = require("../core/ack-context");
/** The context of `KafkaAckServer` handlers: the common one plus the record's Kafka facts (read-only; settle through the context). */
class KafkaAckContext extends ack_context_1.AckContext {
    /** The topic the record was read from (also the pattern). */
    getTopic() {
        return this.getMessage().topic;
    }
    /** The record's partition. */
    getPartition() {
        return this.getMessage().partition;
    }
    /** The record's offset, as a string (Kafka offsets are 64-bit). */
    getOffset() {
        return this.getMessage().offset;
    }
    /** The record's key, as fetched. */
    getKey() {
        return this.getMessage().recordKey;
    }
    /** The record's headers as fetched (Buffers); `getHeaders()` has them as strings. */
    getRawHeaders() {
        return this.getMessage().rawHeaders;
    }
    /** The record's timestamp (ms since epoch, as a string). */
    getTimestamp() {
        return this.getMessage().timestamp;
    }
}
exports.KafkaAckContext = KafkaAckContext;
//# sourceMappingURL=kafka-context.js.map