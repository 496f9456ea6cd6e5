"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisFields = void 0;
exports.fieldMap = fieldMap;
exports.headersOf = headersOf;
/**
 * Field names of a stream entry written by `RedisAckClient` and read by
 * `RedisAckServer`. The body is Nest's JSON packet `{ pattern, data, id? }`.
 */
exports.RedisFields = {
    /** Nest's packet as JSON bytes. */
    BODY: 'body',
    /** The headers as a JSON object of strings. */
    HEADERS: 'headers',
    /** The list a request's reply is pushed to. */
    REPLY_TO: 'replyTo',
    /** The request's id, echoed on the reply. */
    CORRELATION_ID: 'correlationId',
};
/** Turns the flat `[name, value, name, value...]` reply of Redis into a map. */
function fieldMap(flat) {
    const fields = new Map();
    if (!flat)
        return fields;
    for (let i = 0; i + 1 < flat.length; i += 2)
        fields.set(flat[i].toString('utf8'), flat[i + 1]);
    return fields;
}
/** The headers field as strings; an entry without (or with unreadable) headers has none. */
function headersOf(fields) {
    const raw = fields.get(exports.RedisFields.HEADERS);
    if (!raw)
        return {};
    try {
        const parsed = JSON.parse(raw.toString('utf8'));
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
            return {};
        return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
    }
    catch {
        return {};
    }
}
//# sourceMappingURL=redis-wire.js.map