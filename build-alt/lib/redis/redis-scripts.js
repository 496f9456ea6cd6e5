"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.withScripts = withScripts;
/**
 * The Lua scripts behind every settle step that takes more than one command.
 * A script runs atomically, and, unlike `MULTI`, stops at the first failing
 * command: a dead-letter `XADD` refused by Redis never lets the `XACK` after
 * it run, so a refused dead letter cannot lose the source entry.
 *
 * Redis Cluster: a script's keys must share a slot; give a stream and its
 * dead-letter stream a common hash tag (`{orders}` and `{orders}:dlq`).
 */
const SCRIPTS = {
    /**
     * ack: `XACK`, then optionally `XDEL` and `XTRIM MAXLEN ~`, only when the
     * entry was still pending. KEYS: stream. ARGV: group, id, delete (1/0), maxLen (0: none).
     * Returns 1, or 0 when the entry was no longer pending.
     */
    nestjsAckAck: {
        numberOfKeys: 1,
        lua: `
if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
if ARGV[3] == '1' then redis.call('XDEL', KEYS[1], ARGV[2]) end
if ARGV[4] ~= '0' then redis.call('XTRIM', KEYS[1], 'MAXLEN', '~', ARGV[4]) end
return 1`,
    },
    /**
     * Pending-entry ownership check, then `XCLAIM ... IDLE <idle> JUSTID` to
     * ourselves: the lease (idle 0) and the delayed nack (idle minIdle - delay).
     * JUSTID leaves times-delivered unchanged, unless a retry count is given
     * (an entry returned unstarted at close). KEYS: stream. ARGV: group,
     * consumer, id, idle[, retry count]. Returns 1, or 0 when the entry is no
     * longer pending with this consumer (acked, or taken over by another consumer).
     */
    nestjsAckTouch: {
        numberOfKeys: 1,
        lua: `
local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[3], ARGV[3], 1)
if #p == 0 or p[1][2] ~= ARGV[2] then return 0 end
if ARGV[5] then
  redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[3], 'IDLE', ARGV[4], 'RETRYCOUNT', ARGV[5], 'JUSTID')
else
  redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[3], 'IDLE', ARGV[4], 'JUSTID')
end
return 1`,
    },
    /**
     * reject: `XADD` of the dead-letter entry, then `XACK` (and optionally
     * `XDEL`) of the source, only when the source is still pending. KEYS:
     * stream, dead-letter stream. ARGV: group, id, delete (1/0), then the
     * dead-letter entry's field/value pairs. Returns 1, or 0 when the source was
     * no longer pending (nothing written). A refused XADD fails the script before the XACK.
     */
    nestjsAckReject: {
        numberOfKeys: 2,
        lua: `
local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[2], ARGV[2], 1)
if #p == 0 then return 0 end
redis.call('XADD', KEYS[2], '*', unpack(ARGV, 4))
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
if ARGV[3] == '1' then redis.call('XDEL', KEYS[1], ARGV[2]) end
return 1`,
    },
    /**
     * reclaim: `XAUTOCLAIM` of entries idle >= minIdle (from any consumer of the
     * group) to ourselves, with each claimed entry's times-delivered read from
     * its pending entry in the same step. KEYS: stream. ARGV: group, consumer,
     * minIdle, cursor, count. Returns [next cursor, entries, delivery counts].
     */
    nestjsAckReclaim: {
        numberOfKeys: 1,
        lua: `
local r = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4], 'COUNT', ARGV[5])
local counts = {}
for i, entry in ipairs(r[2]) do
  local p = redis.call('XPENDING', KEYS[1], ARGV[1], entry[1], entry[1], 1)
  counts[i] = (#p > 0) and p[1][4] or 1
end
return {r[1], r[2], counts}`,
    },
    /**
     * Removes this consumer from the group when it holds no pending entry (a
     * consumer's pending entries would be lost with it). KEYS: stream. ARGV:
     * group, consumer. Returns 1 when deleted.
     */
    nestjsAckLeave: {
        numberOfKeys: 1,
        lua: `
local p = redis.call('XPENDING', KEYS[1], ARGV[1], '-', '+', 1, ARGV[2])
if #p > 0 then return 0 end
redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], ARGV[2])
return 1`,
    },
};
/** Defines the scripts on `redis` (once per client). */
function withScripts(redis) {
    for (const [name, definition] of Object.entries(SCRIPTS)) {
        if (!(name in redis))
            redis.defineCommand(name, definition);
    }
    return redis;
}
//# sourceMappingURL=redis-scripts.js.map