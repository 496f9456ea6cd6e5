import type { Redis } from 'ioredis';

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
   * A nack with a delay >= minIdle, or a renewal of one: the due time lives in
   * the sorted set KEYS[2] (`<stream>:nack-delays:<group>`, score = due time in
   * ms of Redis's clock); the entry, pending with us, is given idle 0 while
   * more than minIdle is left, then the idle time that makes it claimable
   * exactly when due. KEYS: stream, delays. ARGV: group, consumer, id, minIdle,
   * delay, record (1: record now + delay; 0: renew, delay only used when no due
   * time is recorded). Returns the ms left, or -1 when the entry is no longer
   * pending with this consumer (nothing written).
   */
  nestjsAckHold: {
    numberOfKeys: 2,
    lua: `
local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[3], ARGV[3], 1)
if #p == 0 or p[1][2] ~= ARGV[2] then return -1 end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local minIdle = tonumber(ARGV[4])
local due
if ARGV[6] == '1' then
  due = now + tonumber(ARGV[5])
  redis.call('ZADD', KEYS[2], due, ARGV[3])
  -- The set outlives its latest due time: once it expired, it held only overdue entries (no due time = due).
  if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[5]) + minIdle then redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[5]) + minIdle) end
else
  local score = redis.call('ZSCORE', KEYS[2], ARGV[3])
  due = score and tonumber(score) or (now + tonumber(ARGV[5]))
end
local left = math.max(0, due - now)
local idle = 0
if left < minIdle then idle = minIdle - left end
redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[3], 'IDLE', math.floor(idle), 'JUSTID')
return math.floor(left)`,
  },
  /**
   * reclaim: `XAUTOCLAIM ... JUSTID` of up to `scan` entries idle >= minIdle
   * (from any consumer of the group), then per entry: not yet due (a due time
   * in the delays set, see nestjsAckHold) -> pending again with the idle time
   * that brings it back when due, not a delivery; due and a slot free ->
   * `XCLAIM` (counts a delivery, returns the fields) and its times-delivered
   * from `XPENDING`; due without a free slot -> claimable again at once.
   * KEYS: stream, delays. ARGV: group, consumer, minIdle, cursor, scan, room.
   * Returns [next cursor, entries, delivery counts].
   */
  nestjsAckReclaim: {
    numberOfKeys: 2,
    lua: `
local r = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4], 'COUNT', ARGV[5], 'JUSTID')
local minIdle = tonumber(ARGV[3])
local room = tonumber(ARGV[6])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local entries, counts = {}, {}
for _, id in ipairs(r[2]) do
  local score = redis.call('ZSCORE', KEYS[2], id)
  local left = 0
  if score then left = tonumber(score) - now end
  if left > 0 then
    local idle = 0
    if left < minIdle then idle = minIdle - left end
    redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, id, 'IDLE', math.floor(idle), 'JUSTID')
  elseif #entries >= room then
    redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, id, 'IDLE', minIdle, 'JUSTID')
  else
    if score then redis.call('ZREM', KEYS[2], id) end
    local claimed = redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, id)
    if #claimed > 0 then
      local p = redis.call('XPENDING', KEYS[1], ARGV[1], id, id, 1)
      entries[#entries + 1] = claimed[1]
      counts[#counts + 1] = (#p > 0) and p[1][4] or 1
    end
  end
end
-- Entries deleted from the stream while pending (Redis 7 reports them): no due time to keep.
if r[3] then for _, id in ipairs(r[3]) do redis.call('ZREM', KEYS[2], id) end end
return {r[1], entries, counts}`,
  },
  /**
   * A reply: `RPUSH` + `PEXPIRE` on the reply key, only when it holds a list
   * or nothing. A key of another type (a stream, a string...) is left
   * untouched: no push, and above all no expiry. KEYS: reply key. ARGV: body,
   * ttl ms. Returns the key's type before the push (`list` or `none` = pushed).
   */
  nestjsAckReply: {
    numberOfKeys: 1,
    lua: `
local kind = redis.call('TYPE', KEYS[1]).ok
if kind ~= 'list' and kind ~= 'none' then return kind end
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return kind`,
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
} as const;

export type ScriptName = keyof typeof SCRIPTS;

/** A client with our scripts defined (ioredis sends EVALSHA, and EVAL after a restart emptied the script cache). */
export type ScriptedRedis = Redis & Record<ScriptName | `${ScriptName}Buffer`, (...args: (string | number | Buffer)[]) => Promise<unknown>>;

/** Defines the scripts on `redis` (once per client). */
export function withScripts(redis: Redis): ScriptedRedis {
  for (const [name, definition] of Object.entries(SCRIPTS)) {
    if (!(name in redis)) redis.defineCommand(name, definition);
  }
  return redis as ScriptedRedis;
}
