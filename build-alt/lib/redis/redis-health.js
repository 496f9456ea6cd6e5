"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.probeRedis = probeRedis;
/**
 * `XINFO GROUPS` of every stream read, on the server's command connection.
 * `backlog` is the sum of the group's `lag` (undefined when Redis cannot tell
 * one of them). A connection that is not `ready` answers `connected: false` at
 * once instead of queueing the command until a reconnect.
 */
async function probeRedis(source) {
    const base = { transport: 'redis', state: source.state, consuming: source.consuming };
    const redis = source.redis;
    // After a reconnect the server is `connected` again only once its groups exist (a Redis without persistence lost them).
    if (!redis || redis.status !== 'ready' || source.state !== 'connected')
        return { ...base, connected: false };
    if (source.streams.length === 0)
        await redis.ping(); // still a round trip: `connected` means Redis answered
    const streams = await Promise.all(source.streams.map((stream) => groupLag(redis, stream, source.group)));
    const backlog = streams.every((s) => s.lag !== null) ? streams.reduce((sum, s) => sum + (s.lag ?? 0), 0) : undefined;
    return { ...base, connected: true, backlog, details: { group: source.group, streams } };
}
async function groupLag(redis, stream, group) {
    const groups = (await redis.call('XINFO', 'GROUPS', stream));
    const info = groups.map(fieldsOf).find((fields) => fields.get('name') === group);
    // The group is created at the start (and again after a Redis restart): missing means nothing read yet.
    if (!info)
        return { stream, lag: null, pending: 0 };
    const lag = info.get('lag');
    return { stream, lag: lag === null || lag === undefined ? null : Number(lag), pending: Number(info.get('pending') ?? 0) };
}
function fieldsOf(flat) {
    const fields = new Map();
    for (let i = 0; i + 1 < flat.length; i += 2)
        fields.set(String(flat[i]), flat[i + 1]);
    return fields;
}
//# sourceMappingURL=redis-health.js.map