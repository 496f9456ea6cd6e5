"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_path_1 = require("node:path");
const node_readline_1 = require("node:readline");
const node_test_1 = require("node:test");
const rxjs_1 = require("rxjs");
const nats_1 = require("../../lib/nats");
const nats_broker_1 = require("../support/nats-broker");
const nats_worker_1 = require("../support/nats-worker");
const names_1 = require("../support/names");
const wait_for_1 = require("../support/wait-for");
const TOTAL = 300;
function startWorker(stream, subject, onProcessed) {
    const child = (0, node_child_process_1.spawn)(process.execPath, [(0, node_path_1.join)(__dirname, '../support/nats-worker.js'), stream, subject], { stdio: ['ignore', 'pipe', 'inherit'] });
    let markReady = () => undefined;
    const ready = new Promise((resolve) => (markReady = resolve));
    (0, node_readline_1.createInterface)({ input: child.stdout }).on('line', (line) => {
        if (line === 'ready')
            markReady();
        const match = /^processed (\d+)$/.exec(line);
        if (match)
            onProcessed(Number(match[1]));
    });
    return { process: child, ready };
}
(0, node_test_1.describe)('a NATS consumer killed with SIGKILL mid-stream', () => {
    const stream = (0, nats_broker_1.uniqueStream)('kill');
    const subject = (0, names_1.uniqueName)('kill');
    const workers = [];
    const client = new nats_1.NatsAckClient({ servers: nats_broker_1.NATS_URL });
    let admin;
    (0, node_test_1.before)(async () => {
        admin = await (0, nats_broker_1.natsAdmin)();
        await admin.jsm.streams.add({ name: stream, subjects: [subject] });
        await admin.jsm.streams.add({ name: `${stream}_DLQ`, subjects: [`dead-letter.${stream}.>`] });
    });
    (0, node_test_1.after)(async () => {
        for (const worker of workers)
            worker.process.kill('SIGKILL');
        await client.close();
        await (0, nats_broker_1.deleteStreams)(admin, stream, `${stream}_DLQ`);
        await admin.nc.close();
    });
    (0, node_test_1.it)('loses nothing; duplicates stay within the pull window, redelivered after ack_wait', { timeout: 120_000 }, async () => {
        const seen = new Set();
        let handled = 0;
        const onProcessed = (id) => {
            seen.add(id);
            handled++;
        };
        const first = startWorker(stream, subject, onProcessed);
        workers.push(first);
        await first.ready;
        const publishing = (async () => {
            for (let id = 1; id <= TOTAL; id++)
                await (0, rxjs_1.firstValueFrom)(client.emit(subject, { id }), { defaultValue: undefined });
        })();
        await (0, wait_for_1.waitFor)(() => handled >= 80, { timeoutMs: 30_000, message: '80 handled before the kill' });
        const exited = new Promise((resolve) => first.process.once('exit', resolve));
        first.process.kill('SIGKILL');
        await exited;
        const handledByFirst = handled;
        const second = startWorker(stream, subject, onProcessed);
        workers.push(second);
        await second.ready;
        await publishing;
        await (0, wait_for_1.waitFor)(() => seen.size === TOTAL, { timeoutMs: 60_000, message: `all ${TOTAL} ids processed (have ${seen.size})` });
        await (0, wait_for_1.waitFor)(async () => (0, nats_broker_1.outstandingOf)(await (0, nats_broker_1.consumerInfo)(admin, stream, nats_1.DEFAULT_CONSUMER)) === 0, { timeoutMs: 30_000, message: 'nothing pending nor unacked' });
        strict_1.default.ok(handledByFirst < TOTAL, 'the kill happened mid-stream');
        strict_1.default.ok(handled - TOTAL <= nats_worker_1.NATS_WORKER_BATCH, `duplicates ${handled - TOTAL} within the pull window ${nats_worker_1.NATS_WORKER_BATCH}`);
    });
});
//# sourceMappingURL=consumer-kill-nats.test.js.map