"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NATS_URL = void 0;
exports.natsAdmin = natsAdmin;
exports.uniqueStream = uniqueStream;
exports.outstandingOf = outstandingOf;
exports.consumerInfo = consumerInfo;
exports.storedOn = storedOn;
exports.streamMessages = streamMessages;
exports.natsDeadLetters = natsDeadLetters;
exports.deleteStreams = deleteStreams;
const jetstream_1 = require("@nats-io/jetstream");
const transport_node_1 = require("@nats-io/transport-node");
const core_1 = require("../../lib/core");
const broker_urls_1 = require("./broker-urls");
/** The server under test; never printed (it may carry credentials). */
exports.NATS_URL = broker_urls_1.brokerUrls.nats;
async function natsAdmin() {
    const nc = await (0, transport_node_1.connect)({ servers: exports.NATS_URL, maxReconnectAttempts: -1, reconnectTimeWait: 200 });
    const jsm = await (0, jetstream_1.jetstreamManager)(nc);
    return { nc, js: (0, jetstream_1.jetstream)(nc), jsm };
}
/** A stream name no earlier run used (stream names take no dots). */
function uniqueStream(prefix) {
    return `${prefix}_${Date.now().toString(36)}_${Math.random().toString(16).slice(2, 10)}`.toUpperCase();
}
/**
 * Messages the consumer still owes: not yet delivered (`num_pending`) plus
 * delivered and not settled, including naks waiting for their delay
 * (`num_ack_pending`). A delivery whose ack_wait ran out while nobody pulls is
 * in both counts until it is redelivered; tests keep ack_wait above their waits.
 */
function outstandingOf(info) {
    return info.num_pending + info.num_ack_pending;
}
async function consumerInfo(admin, stream, consumer) {
    return admin.jsm.consumers.info(stream, consumer);
}
/** Messages stored on `subject` in `stream`, counted by the server. */
async function storedOn(admin, stream, subject) {
    const info = await admin.jsm.streams.info(stream, { subjects_filter: subject });
    return info.state.subjects?.[subject] ?? 0;
}
/** Every message stored on `subject` in `stream`, in order. */
async function streamMessages(admin, stream, subject) {
    const info = await admin.jsm.streams.info(stream);
    const found = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
        const message = await admin.jsm.streams.getMessage(stream, { seq }).catch(() => null);
        if (message && message.subject === subject)
            found.push(message);
    }
    return found;
}
/** The dead letters stored for `subject` (under the server's dead-letter subject prefix), as the suite reads them. */
async function natsDeadLetters(admin, deadLetterStream, subjectPrefix, subject) {
    const messages = await streamMessages(admin, deadLetterStream, `${subjectPrefix}.${subject}`);
    return messages.map((message) => {
        const headers = {};
        for (const key of message.header?.keys() ?? [])
            headers[key] = message.header.get(key);
        return {
            body: Buffer.from(message.data),
            headers,
            reason: headers[core_1.DeadLetterHeaders.REASON],
            errorName: headers[core_1.DeadLetterHeaders.ERROR_NAME],
            errorMessage: headers[core_1.DeadLetterHeaders.ERROR_MESSAGE],
            deliveryCount: Number(headers[core_1.DeadLetterHeaders.DELIVERY_COUNT]),
            source: JSON.parse(headers[core_1.DeadLetterHeaders.SOURCE] ?? '{}'),
        };
    });
}
/** Deletes streams (and with them their consumers); missing ones are fine. */
async function deleteStreams(admin, ...streams) {
    for (const stream of streams)
        await admin.jsm.streams.delete(stream).catch(() => undefined);
}
//# sourceMappingURL=nats-broker.js.map