"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toNatsMessage = toNatsMessage;
const nats_headers_1 = require("./nats-headers");
/** Builds the message handed to the base server. */
function toNatsMessage(raw) {
    const { info } = raw;
    const headers = (0, nats_headers_1.toStringHeaders)(raw.headers);
    const replyTo = headers[nats_headers_1.REPLY_TO_HEADER];
    return {
        raw,
        subject: raw.subject,
        consumer: info.consumer,
        body: Buffer.from(raw.data.buffer, raw.data.byteOffset, raw.data.byteLength),
        headers,
        // The server counts deliveries itself, across restarts of ours.
        deliveryCount: info.deliveryCount,
        source: { stream: info.stream, subject: raw.subject, sequence: info.streamSequence, consumer: info.consumer },
        key: `${info.stream}:${info.streamSequence}`,
        replyTo: replyTo === undefined || replyTo === '' ? undefined : replyTo,
    };
}
//# sourceMappingURL=nats-message.js.map