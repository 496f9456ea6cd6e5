"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toStringHeaders = toStringHeaders;
exports.withoutCountHeaders = withoutCountHeaders;
exports.messageKey = messageKey;
const node_crypto_1 = require("node:crypto");
const rabbit_delivery_count_1 = require("./rabbit-delivery-count");
/** AMQP header values as the handler sees them: strings (Buffers as UTF-8, tables and arrays as JSON). */
function toStringHeaders(headers) {
    const result = {};
    for (const [name, value] of Object.entries(withoutCountHeaders(headers))) {
        if (value === undefined || value === null)
            continue;
        result[name] = headerText(value);
    }
    return result;
}
/** The headers without the delivery-count ones the broker and this transport manage. */
function withoutCountHeaders(headers) {
    const result = {};
    for (const [name, value] of Object.entries(headers ?? {})) {
        if (!rabbit_delivery_count_1.COUNT_HEADERS.includes(name))
            result[name] = value;
    }
    return result;
}
/**
 * An identity that survives redeliveries (for the first-failure time): the
 * message id when the publisher set one, else a hash of body and headers.
 */
function messageKey(messageId, body, headers) {
    if (messageId)
        return `id:${messageId}`;
    const hash = (0, node_crypto_1.createHash)('sha1').update(body).update(JSON.stringify(Object.entries(headers).sort()));
    return `sha1:${hash.digest('hex')}`;
}
function headerText(value) {
    if (typeof value === 'string')
        return value;
    if (Buffer.isBuffer(value))
        return value.toString('utf8');
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
        return String(value);
    if (value instanceof Date)
        return value.toISOString();
    try {
        return JSON.stringify(value, (_key, inner) => (typeof inner === 'bigint' ? String(inner) : inner));
    }
    catch {
        return String(value);
    }
}
//# sourceMappingURL=rabbit-headers.js.map