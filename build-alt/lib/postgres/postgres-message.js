"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toPostgresMessage = toPostgresMessage;
function toPostgresMessage(row, queue, session) {
    return {
        session,
        id: row.id,
        queue,
        attempts: row.attempts,
        createdAt: row.created_at,
        body: row.body,
        headers: stringHeaders(row.headers),
        deliveryCount: row.attempts,
        source: { queue, id: row.id },
        key: `${queue}/${row.id}`,
        pattern: row.pattern ?? undefined,
        replyTo: row.reply_to ?? undefined,
        correlationId: row.correlation_id ?? undefined,
    };
}
function stringHeaders(headers) {
    const result = {};
    for (const [name, value] of Object.entries(headers ?? {})) {
        if (value !== null && value !== undefined)
            result[name] = typeof value === 'string' ? value : JSON.stringify(value);
    }
    return result;
}
//# sourceMappingURL=postgres-message.js.map