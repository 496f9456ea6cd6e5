"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toInMemoryMessage = toInMemoryMessage;
function toInMemoryMessage(stored, queue) {
    return {
        messageId: stored.id,
        body: stored.body,
        headers: stored.headers,
        deliveryCount: stored.deliveries,
        source: { queue, messageId: stored.id },
        key: String(stored.id),
        replyTo: stored.replyTo,
        correlationId: stored.correlationId,
    };
}
//# sourceMappingURL=in-memory-message.js.map