"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REPLY_TO_HEADER = void 0;
exports.toStringHeaders = toStringHeaders;
exports.toNatsHeaders = toNatsHeaders;
exports.copyHeaders = copyHeaders;
const transport_node_1 = require("@nats-io/transport-node");
/** Header carrying the caller's reply subject: JetStream answers a publish's own reply subject with its PubAck. */
exports.REPLY_TO_HEADER = 'nestjs-ack-reply-to';
/** NATS headers as strings; a repeated header's values joined with `,`. */
function toStringHeaders(headers) {
    const result = {};
    if (!headers)
        return result;
    for (const key of headers.keys())
        result[key] = headers.values(key).join(',');
    return result;
}
/** String headers as NATS headers. */
function toNatsHeaders(values) {
    const headers = (0, transport_node_1.headers)();
    for (const [key, value] of Object.entries(values))
        headers.set(key, value);
    return headers;
}
/**
 * Headers for a copy of a stored message: publish preconditions
 * (`Nats-Expected-*`) and the original `Nats-Msg-Id` (it would deduplicate the
 * copy against unrelated messages) are left out.
 */
function copyHeaders(values) {
    return toNatsHeaders(Object.fromEntries(Object.entries(values).filter(([key]) => !/^nats-(expected-|msg-id$)/i.test(key))));
}
//# sourceMappingURL=nats-headers.js.map