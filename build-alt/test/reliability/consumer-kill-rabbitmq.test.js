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
const rabbitmq_1 = require("../../lib/rabbitmq");
const names_1 = require("../support/names");
const rabbit_broker_1 = require("../support/rabbit-broker");
const wait_for_1 = require("../support/wait-for");
const TOTAL = 300;
const PREFETCH = 20; // the worker's in-flight window
function startWorker(queue, onProcessed) {
    const child = (0, node_child_process_1.spawn)(process.execPath, [(0, node_path_1.join)(__dirname, '../support/rabbit-worker.js'), queue], { stdio: ['ignore', 'pipe', 'inherit'] });
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
(0, node_test_1.describe)('a RabbitMQ consumer killed with SIGKILL mid-stream', () => {
    const queue = (0, names_1.uniqueName)('kill');
    const workers = [];
    const client = new rabbitmq_1.RabbitAckClient({ urls: rabbit_broker_1.RABBITMQ_URL, queue });
    (0, node_test_1.after)(async () => {
        for (const worker of workers)
            worker.process.kill('SIGKILL');
        await client.close();
        await (0, rabbit_broker_1.deleteRabbitTopology)(queue);
    });
    (0, node_test_1.it)('loses nothing; duplicates stay within the prefetch window', { timeout: 120_000 }, async () => {
        const seen = new Set();
        let handled = 0;
        const onProcessed = (id) => {
            seen.add(id);
            handled++;
        };
        const first = startWorker(queue, onProcessed);
        workers.push(first);
        await first.ready;
        const publishing = (async () => {
            for (let id = 1; id <= TOTAL; id++)
                await (0, rxjs_1.firstValueFrom)(client.emit('kill.item', { id }), { defaultValue: undefined });
        })();
        await (0, wait_for_1.waitFor)(() => handled >= 80, { timeoutMs: 30_000, message: '80 handled before the kill' });
        const exited = new Promise((resolve) => first.process.once('exit', resolve));
        first.process.kill('SIGKILL');
        await exited;
        const handledByFirst = handled;
        const second = startWorker(queue, onProcessed);
        workers.push(second);
        await second.ready;
        await publishing;
        await (0, wait_for_1.waitFor)(() => seen.size === TOTAL, { timeoutMs: 60_000, message: `all ${TOTAL} ids processed (have ${seen.size})` });
        await (0, wait_for_1.waitFor)(async () => {
            const depth = await (0, rabbit_broker_1.queueDepth)(queue);
            return depth?.ready === 0 && depth.unacked === 0;
        }, { timeoutMs: 30_000, message: 'queue depth 0' });
        strict_1.default.ok(handledByFirst < TOTAL, 'the kill happened mid-stream');
        strict_1.default.ok(handled - TOTAL <= PREFETCH, `duplicates ${handled - TOTAL} within the prefetch window ${PREFETCH}`);
    });
});
//# sourceMappingURL=consumer-kill-rabbitmq.test.js.map