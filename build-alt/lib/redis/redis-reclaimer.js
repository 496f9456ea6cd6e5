"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Reclaimer = void 0;
const redis_groups_1 = require("./redis-groups");
const redis_message_1 = require("./redis-message");
const redis_wire_1 = require("./redis-wire");
/** Scan steps per stream and tick: a long pending list is walked over several ticks. */
const STEPS_PER_TICK = 4;
/**
 * Every `claimIntervalMs`, takes over (`XAUTOCLAIM`) the entries of every
 * stream that have been idle for `minIdleMs`: those of a consumer that died,
 * and nacked entries whose delay ran out (a nack sets the idle time that makes
 * them due). Asks for no more entries than there are free slots; entries this
 * process already holds are not delivered twice.
 */
class Reclaimer {
    redis;
    streams;
    settings;
    held;
    deliver;
    report;
    timer;
    ticking = false;
    cursors = new Map();
    constructor(redis, streams, settings, held, deliver, report) {
        this.redis = redis;
        this.streams = streams;
        this.settings = settings;
        this.held = held;
        this.deliver = deliver;
        this.report = report;
    }
    start() {
        this.timer = setInterval(() => void this.tick(), this.settings.claimIntervalMs);
        this.timer.unref();
    }
    stop() {
        clearInterval(this.timer);
        this.timer = undefined;
    }
    async tick() {
        if (this.ticking || this.redis().status !== 'ready')
            return;
        this.ticking = true;
        try {
            for (const stream of this.streams)
                await this.reclaim(stream);
        }
        catch (error) {
            if ((0, redis_groups_1.isNoGroup)(error)) {
                await (0, redis_groups_1.ensureGroups)(this.redis(), this.streams, this.settings.group, this.settings.startId).catch(() => undefined);
            }
            else {
                this.report(error, 'XAUTOCLAIM failed');
            }
        }
        finally {
            this.ticking = false;
        }
    }
    async reclaim(stream) {
        const { group, consumer, minIdleMs } = this.settings;
        for (let step = 0; step < STEPS_PER_TICK && this.timer && this.held.free > 0; step++) {
            const cursor = this.cursors.get(stream) ?? '0-0';
            const [next, entries, counts] = (await this.redis().nestjsAckReclaimBuffer(stream, group, consumer, minIdleMs, cursor, this.held.free));
            const nextCursor = next.toString('utf8');
            this.cursors.set(stream, nextCursor);
            const stillHeld = [];
            entries.forEach(([id, flat], i) => {
                if (!flat || !this.timer)
                    return; // deleted from the stream: XAUTOCLAIM dropped it from the pending list
                const message = (0, redis_message_1.toRedisMessage)(stream, id.toString('utf8'), (0, redis_wire_1.fieldMap)(flat), group, Number(counts[i]) || 1);
                if (this.held.has(message.key))
                    stillHeld.push(message);
                else
                    this.deliver(message);
            });
            // Nacked a moment ago and still finishing here: XAUTOCLAIM counted a delivery and reset its idle time,
            // which would hold it back a whole minIdleMs and count one delivery too many. Give both back, so a
            // later tick takes it once this process let go of it.
            for (const message of stillHeld)
                await this.redis().nestjsAckTouch(stream, group, consumer, message.id, minIdleMs, message.deliveryCount - 1);
            if (nextCursor === '0-0')
                return;
        }
    }
}
exports.Reclaimer = Reclaimer;
//# sourceMappingURL=redis-reclaimer.js.map