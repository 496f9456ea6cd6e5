"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toRedisMessage = toRedisMessage;
const redis_wire_1 = require("./redis-wire");
/** A delivery from its stream entry; `deliveryCount` is the pending entry's times-delivered (1 on a first read). */
function toRedisMessage(stream, id, fields, group, deliveryCount) {
    const replyTo = fields.get(redis_wire_1.RedisFields.REPLY_TO)?.toString('utf8');
    const correlationId = fields.get(redis_wire_1.RedisFields.CORRELATION_ID)?.toString('utf8');
    return {
        stream,
        id,
        group,
        fields,
        body: fields.get(redis_wire_1.RedisFields.BODY) ?? Buffer.alloc(0),
        headers: (0, redis_wire_1.headersOf)(fields),
        deliveryCount,
        source: { stream, id, group },
        key: `${stream}/${id}`,
        replyTo: replyTo || undefined,
        correlationId: correlationId || undefined,
    };
}
//# sourceMappingURL=redis-message.js.map