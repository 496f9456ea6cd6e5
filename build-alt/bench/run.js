"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ROWS = void 0;
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const node_perf_hooks_1 = require("node:perf_hooks");
const measure_1 = require("./measure");
const report_1 = require("./report");
/**
 * The rows of the table, one per broker (and queue type). A new transport
 * adds one line here and a `<broker>.bench.ts` exporting a `BrokerBench`.
 */
exports.ROWS = [
    { id: 'rabbitmq-quorum', load: async () => (await import('./rabbitmq.bench.js')).rabbitmqBench('quorum') },
    { id: 'rabbitmq-classic', load: async () => (await import('./rabbitmq.bench.js')).rabbitmqBench('classic') },
    { id: 'kafka', load: async () => (await import('./kafka.bench.js')).kafkaBench() },
    { id: 'nats', load: async () => (await import('./nats.bench.js')).natsBench() },
    { id: 'postgres', load: async () => (await import('./postgres.bench.js')).postgresBench() },
    { id: 'redis', load: async () => (await import('./redis.bench.js')).redisBench() },
];
const MODES = {
    full: { name: 'full', rounds: 3, messages: 20_000, slowSeconds: 4, handlers: ['noop', '1ms', '5ms'], latencySeconds: 3, latencyRate: 1000, rssMessages: 200_000, rssRoles: ['raw', 'nest', 'ours', 'ours+module'] },
    quick: { name: 'quick', rounds: 1, messages: 5_000, slowSeconds: 1, handlers: ['noop', '1ms', '5ms'], latencySeconds: 1, latencyRate: 1000, rssMessages: 0, rssRoles: [] },
};
const HANDLER_MS = { noop: 0, '1ms': 1, '5ms': 5 };
function arg(name) {
    const found = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    if (!found)
        return undefined;
    return found.includes('=') ? found.slice(found.indexOf('=') + 1) : '';
}
const log = (line) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
/** Drains a `messages` backlog with `role` and `work`: settled messages per second, and this process's CPU µs per message. */
async function drain(bench, role, handler, messages) {
    const contender = bench.contenders.find((c) => c.role === role);
    const backlog = await bench.fill(messages);
    const meter = (0, measure_1.settleMeter)(contender.label, messages);
    let cpuAtFirst;
    let cpuAtLast;
    let settled = 0;
    const tick = () => {
        if (++settled === 1)
            cpuAtFirst = process.cpuUsage();
        else if (settled === messages)
            cpuAtLast = process.cpuUsage(cpuAtFirst);
        meter.tick();
    };
    const stop = await contender.start(backlog, measure_1.WORK[handler], tick);
    try {
        const { perSecond } = await (0, measure_1.withTimeout)(meter.result, 180_000, `${bench.id} ${role} ${handler}`);
        return { perSecond, cpuMicros: (0, measure_1.round)((cpuAtLast.user + cpuAtLast.system) / (messages - 1), 1) };
    }
    finally {
        await stop();
    }
}
/** Publishes `{ t }` at a fixed rate to a running contender: handler-entry latency after a warm-up. */
async function latency(bench, role, mode) {
    const contender = bench.contenders.find((c) => c.role === role);
    const backlog = await bench.fill(0);
    const samples = [];
    let measureFrom = Infinity;
    let seen = 0;
    const work = (data) => {
        const now = node_perf_hooks_1.performance.now();
        seen++;
        if (measureFrom === Infinity)
            measureFrom = now + 500; // the first message arrived: the consumer is up; warm up half a second
        if (data.t >= measureFrom)
            samples.push(now - data.t);
    };
    const stop = await contender.start(backlog, work, () => undefined);
    const publisher = await bench.publisher(backlog);
    const pending = new Set();
    let sent = 0;
    try {
        const perTick = Math.max(1, Math.round((bench.latencyRate ?? mode.latencyRate) / 100));
        const deadline = node_perf_hooks_1.performance.now() + 60_000;
        let end = Infinity;
        for (let tick = node_perf_hooks_1.performance.now(); node_perf_hooks_1.performance.now() < Math.min(end, deadline); tick += 10) {
            if (end === Infinity && measureFrom !== Infinity)
                end = measureFrom + mode.latencySeconds * 1000;
            for (let i = 0; i < perTick; i++) {
                const sending = publisher.publish({ t: node_perf_hooks_1.performance.now() });
                sent++;
                if (sending) {
                    pending.add(sending);
                    void sending.finally(() => pending.delete(sending));
                }
            }
            await (0, measure_1.sleep)(Math.max(0, tick + 10 - node_perf_hooks_1.performance.now()));
        }
        if (measureFrom === Infinity)
            throw new Error(`${bench.id} ${role}: no message came back within a minute`);
        await Promise.all(pending);
        const settledBy = node_perf_hooks_1.performance.now() + 10_000;
        while (seen < sent && node_perf_hooks_1.performance.now() < settledBy)
            await (0, measure_1.sleep)(20);
    }
    finally {
        await publisher.close();
        await stop();
    }
    return { label: contender.label, rate: bench.latencyRate ?? mode.latencyRate, samples: samples.length, p50: (0, measure_1.round)((0, measure_1.percentile)(samples, 50), 2), p99: (0, measure_1.round)((0, measure_1.percentile)(samples, 99), 2) };
}
/** Peak RSS of a fresh process draining a large backlog (so earlier runs' heap does not count). */
function rssInChild(rowId, role, backlog, messages) {
    return new Promise((resolve, reject) => {
        const child = (0, node_child_process_1.fork)(__filename, ['--rss-child', rowId, role, backlog, String(messages)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        let result;
        child.on('message', (message) => (result = message));
        child.on('error', reject);
        child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`RSS child for ${rowId} ${role} exited with ${code}`))));
    });
}
async function rssChild(rowId, role, backlog, messages) {
    const bench = await exports.ROWS.find((row) => row.id === rowId).load();
    const contender = bench.contenders.find((c) => c.role === role);
    const startMb = process.memoryUsage().rss / 2 ** 20;
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const meter = (0, measure_1.settleMeter)(contender.label, messages);
    const stop = await contender.start(backlog, measure_1.WORK.noop, meter.tick);
    const { perSecond } = await (0, measure_1.withTimeout)(meter.result, 600_000, `RSS ${rowId} ${role}`);
    clearInterval(sampler);
    await stop();
    process.send({ label: contender.label, messages, peakMb: Math.round(peak / 2 ** 20), startMb: Math.round(startMb), perSecond });
    process.exit(0);
}
async function benchRow(bench, mode, roles, handlers) {
    const row = { id: bench.id, title: bench.title, version: await bench.version(), concurrency: bench.concurrency, labels: {}, throughput: {}, latency: {}, rss: {}, errors: [] };
    const contenders = bench.contenders.filter((c) => !roles || roles.includes(c.role));
    for (const c of contenders)
        row.labels[c.role] = c.label;
    const attempt = async (what, run) => {
        try {
            return await run();
        }
        catch (error) {
            row.errors.push(`${what}: ${error.message}`);
            log(`${bench.id} ${what} FAILED: ${error.message}`);
            return undefined;
        }
    };
    const cleanup = () => bench.cleanup().catch(() => undefined);
    try {
        for (const handler of handlers) {
            const ms = HANDLER_MS[handler];
            const messages = ms === 0 ? mode.messages : Math.min(mode.messages, Math.round(bench.concurrency * (1000 / ms) * mode.slowSeconds));
            const table = (row.throughput[handler] = {});
            // Rounds interleave the contenders, so a slow spell of the machine hits them all alike.
            for (let round = 0; round < mode.rounds; round++) {
                for (const c of contenders) {
                    const drained = await attempt(`${handler} ${c.role}`, () => drain(bench, c.role, handler, messages));
                    if (drained === undefined)
                        continue;
                    const entry = (table[c.role] ??= { label: c.label, rounds: [], median: 0, messages, cpuMicrosRounds: [], cpuMicros: 0 });
                    entry.rounds.push(drained.perSecond);
                    entry.median = Math.round((0, measure_1.median)(entry.rounds));
                    entry.cpuMicrosRounds.push(drained.cpuMicros);
                    entry.cpuMicros = Math.round((0, measure_1.median)(entry.cpuMicrosRounds) * 10) / 10;
                    log(`${bench.id} ${handler} round ${round + 1} ${c.label}: ${drained.perSecond}/s, ${drained.cpuMicros} µs CPU/msg`);
                }
            }
            await cleanup();
        }
        for (const c of contenders.filter(() => mode.latencySeconds > 0)) {
            const result = await attempt(`latency ${c.role}`, () => latency(bench, c.role, mode));
            if (result)
                row.latency[c.role] = result;
            if (result)
                log(`${bench.id} latency ${c.label}: p50 ${result.p50} ms, p99 ${result.p99} ms (${result.samples} samples)`);
            await cleanup();
        }
        if (mode.rssMessages > 0) {
            for (const c of contenders.filter((c) => mode.rssRoles.includes(c.role))) {
                const result = await attempt(`rss ${c.role}`, async () => rssInChild(bench.id, c.role, await bench.fill(mode.rssMessages), mode.rssMessages));
                if (result)
                    row.rss[c.role] = result;
                if (result)
                    log(`${bench.id} RSS ${c.label}: peak ${result.peakMb} MB draining ${result.messages}`);
            }
        }
    }
    finally {
        await cleanup();
    }
    return row;
}
async function main() {
    if (arg('rss-child') !== undefined) {
        const [rowId, role, backlog, messages] = process.argv.slice(process.argv.indexOf('--rss-child') + 1);
        return rssChild(rowId, role, backlog, Number(messages));
    }
    const mode = MODES[arg('quick') !== undefined ? 'quick' : 'full'];
    // Filters (for profiling one path): --only=kafka,nats --roles=ours,ours+module --handlers=noop. A filtered run writes JSON only.
    const only = arg('only')?.split(',');
    const roles = arg('roles')?.split(',');
    const handlers = arg('handlers')?.split(',') ?? mode.handlers;
    if (arg('rounds'))
        mode.rounds = Number(arg('rounds'));
    // --skip=latency,rss leaves those parts out.
    const skip = arg('skip')?.split(',') ?? [];
    if (skip.includes('latency'))
        mode.latencySeconds = 0;
    if (skip.includes('rss'))
        mode.rssMessages = 0;
    const filtered = Boolean(only || roles || arg('handlers') || arg('rounds') || skip.length > 0);
    const started = node_perf_hooks_1.performance.now();
    const result = {
        mode,
        startedAt: new Date().toISOString(),
        seconds: 0,
        machine: { cpus: (0, node_os_1.cpus)().length, cpuModel: (0, node_os_1.cpus)()[0]?.model ?? 'unknown', node: process.version, os: `${(0, node_os_1.type)()} ${(0, node_os_1.release)()}`, memoryGb: Math.round((0, node_os_1.totalmem)() / 2 ** 30), loadBefore: (0, node_os_1.loadavg)().map((l) => (0, measure_1.round)(l, 2)), loadAfter: [] },
        rows: [],
        extra: [],
    };
    for (const { id, load } of exports.ROWS) {
        if (only && !only.includes(id))
            continue;
        log(`${id}: start`);
        result.rows.push(await benchRow(await load(), mode, roles, handlers));
    }
    if ((!only || only.includes('kafka')) && !roles && handlers.includes('5ms')) {
        const { benchKafkaOrdering } = await import('./kafka.bench.js');
        log('kafka ordering: start');
        const results = await benchKafkaOrdering(mode.name === 'full' ? 6000 : 3000, mode.rounds);
        for (const r of results)
            log(`kafka ${r.name}: ${r.perSecond}/s`);
        result.extra.push({ title: "Kafka: ordering 'key' against 'partition' (5 ms handler; target: key >= 5x partition)", results });
    }
    if (mode.name === 'full' && (!only || only.includes('postgres')) && !roles) {
        const { benchPostgresClaimScale } = await import('./postgres.bench.js');
        result.extra.push({ title: 'PostgreSQL: claims/s with a large settled backlog (median of 40; ratio ~1 = the index works)', results: await benchPostgresClaimScale() });
    }
    result.machine.loadAfter = (0, node_os_1.loadavg)().map((l) => (0, measure_1.round)(l, 2));
    result.seconds = Math.round((node_perf_hooks_1.performance.now() - started) / 1000);
    const root = (0, node_path_1.join)(__dirname, '..', '..');
    (0, node_fs_1.mkdirSync)((0, node_path_1.join)(root, 'bench', 'results'), { recursive: true });
    const file = (0, node_path_1.join)(root, 'bench', 'results', `${result.startedAt.replace(/[:.]/g, '-')}-${mode.name}${filtered ? '-partial' : ''}.json`);
    (0, node_fs_1.writeFileSync)(file, JSON.stringify(result, null, 2) + '\n');
    log(`wrote ${file}`);
    if (!filtered) {
        const docs = (0, node_path_1.join)(root, 'docs', 'benchmarks.md');
        (0, node_fs_1.mkdirSync)((0, node_path_1.join)(root, 'docs'), { recursive: true });
        let existing = '';
        try {
            existing = (0, node_fs_1.readFileSync)(docs, 'utf8');
        }
        catch {
            // first run: the file is created
        }
        (0, node_fs_1.writeFileSync)(docs, (0, report_1.writeMarkdown)(existing, result));
        log(`wrote ${docs}`);
    }
    log(`done in ${result.seconds} s`);
}
main().then(() => process.exit(0), (error) => {
    console.error(error);
    process.exit(1);
});
//# sourceMappingURL=run.js.map