"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ClaimLoop = void 0;
/**
 * Claims rows while handler slots are free, then sleeps until woken: by a
 * NOTIFY of a publish, a slot that frees, a retry that becomes due, or the
 * polling fallback. Never claims more rows than free slots, so no claimed row
 * waits for a slot while its lease runs out.
 */
class ClaimLoop {
    hooks;
    slots;
    batchSize;
    pollIntervalMs;
    running = false;
    inFlight = 0;
    loop;
    wakeUp;
    wokenEarly = false;
    /** The last claim was limited by free slots, not by due rows: a freed slot may find more. */
    slotBound = false;
    timers = new Set();
    constructor(hooks, slots, batchSize, pollIntervalMs) {
        this.hooks = hooks;
        this.slots = slots;
        this.batchSize = batchSize;
        this.pollIntervalMs = pollIntervalMs;
    }
    /** Started and not stopped. */
    get isRunning() {
        return this.running;
    }
    start() {
        if (this.running)
            return;
        this.running = true;
        this.loop = this.run();
    }
    /** Stops claiming; resolves once a claim under way has ended (its rows given back). */
    async stop() {
        this.running = false;
        for (const timer of this.timers)
            clearTimeout(timer);
        this.timers.clear();
        this.wake();
        await this.loop;
    }
    /** Claims again now (a publish was notified, a slot freed). */
    wake() {
        this.wokenEarly = true;
        this.wakeUp?.();
    }
    /** Claims again in `delayMs` (a nacked row becomes due). */
    wakeIn(delayMs) {
        if (!this.running)
            return;
        const timer = setTimeout(() => {
            this.timers.delete(timer);
            this.wake();
        }, Math.max(0, delayMs) + 5);
        timer.unref();
        this.timers.add(timer);
    }
    async run() {
        while (this.running) {
            this.wokenEarly = false;
            const free = Math.min(this.slots - this.inFlight, this.batchSize);
            let full = false;
            let failed = false;
            this.slotBound = free <= 0;
            if (free > 0) {
                try {
                    const rows = await this.hooks.claim(free);
                    if (!this.running) {
                        if (rows.length > 0)
                            await this.hooks.release(rows).catch((error) => this.hooks.onError(error));
                        return;
                    }
                    for (const row of rows)
                        this.dispatch(row);
                    full = rows.length === free;
                    this.slotBound = full;
                }
                catch (error) {
                    if (!this.running)
                        return;
                    this.hooks.onError(error);
                    failed = true;
                }
            }
            // A full batch means more may be due: claim again at once while slots are free.
            if (full && this.inFlight < this.slots)
                continue;
            if (this.wokenEarly && !failed)
                continue;
            // After a failed claim only stop() cuts the wait: a database outage is not a busy loop.
            await this.sleep(this.pollIntervalMs, !failed);
        }
    }
    dispatch(row) {
        this.inFlight++;
        void this.hooks.deliver(row).finally(() => {
            this.inFlight--;
            // Claim again once half a batch of slots is free: one statement per few rows, not per row.
            const free = this.slots - this.inFlight;
            if (this.slotBound && free >= Math.max(1, Math.floor(Math.min(this.slots, this.batchSize) / 2)))
                this.wake();
        });
    }
    sleep(ms, wakeable) {
        return new Promise((resolve) => {
            const timer = setTimeout(done, ms);
            function done() {
                clearTimeout(timer);
                resolve();
            }
            this.wakeUp = () => {
                if (!wakeable && this.running)
                    return;
                this.wakeUp = undefined;
                done();
            };
        });
    }
}
exports.ClaimLoop = ClaimLoop;
//# sourceMappingURL=postgres-claim-loop.js.map