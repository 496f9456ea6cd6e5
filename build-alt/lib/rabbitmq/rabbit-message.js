"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toRabbitMessage = toRabbitMessage;
const rabbit_delivery_count_1 = require("./rabbit-delivery-count");
const rabbit_headers_1 = require("./rabbit-headers");
/** Builds the message handed to the base server. */
function toRabbitMessage(raw, session, queue) {
    const { properties, fields } = raw;
    const headers = (0, rabbit_headers_1.toStringHeaders)(properties.headers);
    const messageId = typeof properties.messageId === 'string' && properties.messageId !== '' ? properties.messageId : undefined;
    const source = { queue };
    if (fields.exchange)
        source.exchange = fields.exchange;
    if (fields.routingKey && fields.routingKey !== queue)
        source.routingKey = fields.routingKey;
    if (messageId)
        source.messageId = messageId;
    let key;
    return {
        raw,
        session,
        body: raw.content,
        headers,
        deliveryCount: (0, rabbit_delivery_count_1.deliveryCountOf)(properties.headers, fields.redelivered),
        source,
        // Without a message id the key is a SHA-1 of body and headers; only failures need it, so it is
        // computed on first use (hashing every delivery cost about a fifth of the transport's own work).
        get key() {
            return (key ??= (0, rabbit_headers_1.messageKey)(messageId, raw.content, headers));
        },
        replyTo: typeof properties.replyTo === 'string' && properties.replyTo !== '' ? properties.replyTo : undefined,
        correlationId: properties.correlationId === undefined || properties.correlationId === null ? undefined : String(properties.correlationId),
    };
}
//# sourceMappingURL=rabbit-message.js.map