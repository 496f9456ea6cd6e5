"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.StreamReader = void 0;
const redis_groups_1 = require("./redis-groups");
const redis_message_1 = require("./redis-message");
const redis_wire_1 = require("./redis-wire");
/** Longest wait for half the window to be free before reading with whatever is free. */
const BATCH_WAIT_MS = 5;
/**
 * The read loop on the dedicated blocking connection: one `XREADGROUP GROUP
 * <group> <consumer> COUNT <free slots> BLOCK <blockMs> STREAMS <every stream> >...`
 * at a time, waiting for a free slot first. `stop()` ends a running block at
 * once with `CLIENT UNBLOCK` (a clean empty reply: no entry is taken and dropped).
 */
class StreamReader {
    blocking;
    commands;
    streams;
    settings;
    held;
    deliver;
    report;
    stopped = new AbortController();
    running;
    clientId;
    constructor(blocking, commands, streams, settings, held, deliver, report) {
        this.blocking = blocking;
        this.commands = commands;
        this.streams = streams;
        this.settings = settings;
        this.held = held;
        this.deliver = deliver;
        this.report = report;
        blocking.on('ready', () => void this.learnClientId());
    }
    async start() {
        await this.learnClientId();
        this.running = this.loop();
    }
    async stop() {
        if (this.stopped.signal.aborted)
            return;
        this.stopped.abort();
        if (this.clientId !== undefined && this.commands.status === 'ready') {
            await this.commands.call('CLIENT', 'UNBLOCK', this.clientId).catch(() => undefined);
        }
        // Redis unreachable (the read waits for a reconnect that may never come): drop the connection instead.
        let timer;
        const ended = await Promise.race([
            this.running?.then(() => true),
            new Promise((resolve) => (timer = setTimeout(() => resolve(false), this.settings.blockMs + 500))),
        ]);
        clearTimeout(timer);
        // Not awaited after that: ioredis 6 leaves a command queued while reconnecting unsettled after disconnect().
        if (ended === false)
            this.blocking.disconnect();
    }
    async learnClientId() {
        try {
            this.clientId = Number(await this.blocking.call('CLIENT', 'ID'));
        }
        catch {
            // Learned again at the next 'ready'.
        }
    }
    async loop() {
        const { group, consumer, blockMs } = this.settings;
        const signal = this.stopped.signal;
        let failures = 0;
        while (!signal.aborted) {
            // Once a slot is free, a few ms more for half the window: one read of many entries instead of many reads of one.
            await this.held.waitFree(signal);
            await this.held.waitFree(signal, Math.ceil(this.held.capacity / 2), BATCH_WAIT_MS);
            if (signal.aborted)
                break;
            try {
                const reply = (await this.blocking.callBuffer('XREADGROUP', 'GROUP', group, consumer, 'COUNT', this.held.free, 'BLOCK', blockMs, 'STREAMS', ...this.streams, ...this.streams.map(() => '>')));
                failures = 0;
                for (const [key, entries] of reply ?? []) {
                    const stream = key.toString('utf8');
                    for (const [id, flat] of entries)
                        this.deliver((0, redis_message_1.toRedisMessage)(stream, id.toString('utf8'), (0, redis_wire_1.fieldMap)(flat), group, 1));
                }
            }
            catch (error) {
                if (signal.aborted)
                    break;
                failures++;
                if ((0, redis_groups_1.isNoGroup)(error)) {
                    // Redis came back without its data: the groups (and streams) are created again.
                    await (0, redis_groups_1.ensureGroups)(this.commands, this.streams, group, this.settings.startId).catch((e) => this.report(e, 'could not create the consumer group again'));
                }
                else if (failures === 1 || failures % 50 === 0) {
                    this.report(error, 'XREADGROUP failed; retrying');
                }
                await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * failures)));
            }
        }
    }
}
exports.StreamReader = StreamReader;
//# sourceMappingURL=redis-stream-reader.js.map