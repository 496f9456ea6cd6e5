"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Tally = void 0;
exports.killAllWorkers = killAllWorkers;
exports.startWorker = startWorker;
exports.kill = kill;
exports.terminate = terminate;
// Consumer processes of a scenario and what they reported (see worker.ts for the line format).
const node_child_process_1 = require("node:child_process");
const node_path_1 = require("node:path");
const node_readline_1 = require("node:readline");
/** Everything the workers of one scenario run reported, across restarts. */
class Tally {
    /** Successful handler runs per id (more than 1: a duplicate). */
    ok = new Map();
    /** Per id: "<pid>:<delivery count>[@<message key>]" of each successful run (to explain duplicates). */
    runs = new Map();
    /** Called after each handler run with the total so far (precise kill points). */
    onHandled;
    reachers = [];
    /** Resolves, from the very line that got there, once `processed` distinct ids were processed; `then` runs synchronously at that point. */
    reach(processed, then) {
        return new Promise((resolve) => {
            const done = () => {
                then?.();
                resolve();
            };
            if (this.processed >= processed)
                done();
            else
                this.reachers.push({ processed, resolve: done });
        });
    }
    /** @internal */
    checkReached() {
        for (let i = this.reachers.length - 1; i >= 0; i--) {
            if (this.processed >= this.reachers[i].processed)
                this.reachers.splice(i, 1)[0].resolve();
        }
    }
    /** Failed handler runs per id (poison / flaky). */
    fails = new Map();
    /** Highest delivery count seen per id. */
    maxDelivery = new Map();
    /** Bad inputs that reached the handler, with their delivery count. */
    bad = [];
    status = [];
    unhandled = [];
    stderrLines = 0;
    stderrSample = [];
    handled = 0;
    get processed() {
        return this.ok.size;
    }
    get duplicates() {
        let extra = 0;
        for (const count of this.ok.values())
            extra += count - 1;
        return extra;
    }
    /** A few duplicated ids with where and at which delivery each run happened. */
    duplicateSample(limit = 5) {
        return [...this.ok.entries()].filter(([, count]) => count > 1).slice(0, limit).map(([id]) => `${id} [${this.runs.get(id)?.join(' ')}]`).join(', ');
    }
    lost(ids) {
        return [...ids].filter((id) => !this.ok.has(id));
    }
}
exports.Tally = Tally;
const WORKER = (0, node_path_1.join)(__dirname, 'worker.js');
const live = new Set();
/** Kills every worker still running (the runner's exit path). */
function killAllWorkers() {
    for (const child of live)
        child.kill('SIGKILL');
}
function startWorker(config, tally) {
    const child = (0, node_child_process_1.spawn)(process.execPath, [WORKER], {
        env: { ...process.env, WORKER_CONFIG: JSON.stringify(config), KAFKAJS_NO_PARTITIONER_WARNING: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    live.add(child);
    let markReady = () => undefined;
    let failReady = () => undefined;
    const ready = new Promise((resolve, reject) => ((markReady = resolve), (failReady = reject)));
    const worker = {
        process: child,
        ready,
        exited: new Promise((resolve) => child.once('exit', (code, signal) => {
            live.delete(child);
            failReady(new Error(`worker exited before ready (code ${code}, signal ${signal}); stderr: ${tally.stderrSample.slice(-3).join(' | ')}`));
            resolve({ code, signal });
        })),
    };
    ready.catch(() => undefined);
    (0, node_readline_1.createInterface)({ input: child.stdout }).on('line', (line) => {
        const [kind, a, b, c] = line.split(' ');
        switch (kind) {
            case 'ok':
            case 'fail': {
                const id = Number(a);
                const map = kind === 'ok' ? tally.ok : tally.fails;
                map.set(id, (map.get(id) ?? 0) + 1);
                tally.maxDelivery.set(id, Math.max(tally.maxDelivery.get(id) ?? 0, Number(b)));
                if (kind === 'ok') {
                    const runs = tally.runs.get(id) ?? [];
                    runs.push(`${child.pid}:${b}${c ? `@${c}` : ''}`);
                    tally.runs.set(id, runs);
                }
                tally.handled++;
                tally.onHandled?.(tally.handled);
                tally.checkReached();
                break;
            }
            case 'bad':
                tally.bad.push({ what: a, deliveryCount: Number(b) });
                break;
            case 'status':
                tally.status.push(a);
                break;
            case 'ready':
                markReady();
                break;
            case 'closed':
                worker.closed = { ms: Number(a), startedAfterTerm: Number(b), inFlightAtTerm: Number(c) };
                break;
            case 'unhandled':
                tally.unhandled.push(line.slice(10));
                break;
            default:
                tally.unhandled.push(`unexpected worker output: ${line.slice(0, 200)}`);
        }
    });
    (0, node_readline_1.createInterface)({ input: child.stderr }).on('line', (line) => {
        tally.stderrLines++;
        tally.stderrSample.push(line.slice(0, 300));
        if (tally.stderrSample.length > 20)
            tally.stderrSample.shift();
        if (process.env.RELIABILITY_VERBOSE)
            process.stderr.write(`  [worker ${child.pid}] ${line}\n`);
    });
    return worker;
}
/** SIGKILL, and wait until the process is gone. */
async function kill(worker) {
    worker.process.kill('SIGKILL');
    await worker.exited;
}
/** SIGTERM (graceful close), and wait for the exit; SIGKILL after `limitMs`. */
async function terminate(worker, limitMs = 30_000) {
    if (worker.process.exitCode !== null || worker.process.signalCode !== null)
        return worker.exited;
    if (!worker.process.killed)
        worker.process.kill('SIGTERM');
    const timer = setTimeout(() => worker.process.kill('SIGKILL'), limitMs);
    try {
        return await worker.exited;
    }
    finally {
        clearTimeout(timer);
    }
}
//# sourceMappingURL=workers.js.map