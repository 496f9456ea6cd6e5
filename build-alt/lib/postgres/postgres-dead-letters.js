"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.deadLetterOf = deadLetterOf;
const dead_letter_record_1 = require("../core/dead-letter-record");
/**
 * A FAILED row as the dead-letter record every transport carries: original
 * body and headers, source `{ queue, id }`, reason, error, delivery count and
 * failure times. `headers` adds the `x-dead-letter-*` fields other transports
 * put on their dead-letter messages, for tools that read those.
 */
function deadLetterOf(row) {
    const headers = {};
    for (const [name, value] of Object.entries(row.headers ?? {})) {
        if (value !== null && value !== undefined)
            headers[name] = typeof value === 'string' ? value : JSON.stringify(value);
    }
    const lastFailureAt = row.last_failure_at ?? new Date(0);
    const record = {
        body: row.body,
        headers,
        source: { queue: row.queue, id: row.id },
        reason: row.reason ?? '',
        errorName: row.error_name ?? undefined,
        errorMessage: row.last_error ?? undefined,
        deliveryCount: row.attempts,
        firstFailureAt: row.first_failure_at ?? lastFailureAt,
        lastFailureAt,
    };
    return { ...record, headersWithRecord: (0, dead_letter_record_1.deadLetterHeaders)(record) };
}
//# sourceMappingURL=postgres-dead-letters.js.map