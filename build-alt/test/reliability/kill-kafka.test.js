"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
const kafka_broker_1 = require("../support/kafka-broker");
const names_1 = require("../support/names");
const wait_for_1 = require("../support/wait-for");
const client = (0, kafka_broker_1.testClient)('kill-kafka-test');
(0, node_test_1.after)(async () => {
    await client.close();
    await (0, kafka_broker_1.closeSharedAdmin)();
});
function startConsumer(topic, groupId, processed, env = {}) {
    const child = (0, node_child_process_1.fork)((0, node_path_1.join)(__dirname, '../support/kafka-consumer-child.js'), [], {
        env: { ...process.env, TOPIC: topic, GROUP_ID: groupId, HANDLER_DELAY_MS: '10', KAFKAJS_NO_PARTITIONER_WARNING: '1', ...env },
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const state = { process: child, handled: 0, ready: undefined };
    state.ready = new Promise((resolve, reject) => {
        child.on('message', (message) => {
            if (message.type === 'ready')
                resolve();
            else if (message.type === 'error')
                reject(new Error(`consumer failed to start: ${message.message}`));
            else if (message.type === 'handled') {
                state.handled++;
                processed.set(message.id, (processed.get(message.id) ?? 0) + 1);
            }
        });
        child.once('exit', (code) => reject(new Error(`consumer exited with ${code}`)));
    });
    return state;
}
/** Produces `{ id }` values 0..total-1, twenty to a batch, each batch acknowledged by all replicas. */
async function produceIds(topic, total) {
    const producer = await client.connect();
    for (let start = 0; start < total; start += 20) {
        await producer.send({ topic, acks: -1, messages: Array.from({ length: 20 }, (_, k) => ({ value: JSON.stringify({ id: start + k }) })) });
    }
}
(0, node_test_1.describe)('Kafka consumer process stopped mid-stream', { timeout: 120_000 }, () => {
    (0, node_test_1.it)('two consumers in one group, one killed mid-stream, 5% of first deliveries nacked: every message processed, none lost, commits reach the end', async () => {
        const topic = (0, names_1.uniqueName)('kill');
        const groupId = (0, names_1.uniqueName)('g');
        await (0, kafka_broker_1.createTopic)(topic, 4);
        const processed = new Map();
        const nacking = { POLICY: 'NACK_ON_ERROR', FAIL_FIRST_RATE: '0.05' };
        const a = startConsumer(topic, groupId, processed, nacking);
        const b = startConsumer(topic, groupId, processed, nacking);
        try {
            await Promise.all([a.ready, b.ready]);
            const total = 800;
            await produceIds(topic, total);
            await (0, wait_for_1.waitFor)(() => a.handled >= 50 && b.handled >= 50, { timeoutMs: 30_000, message: 'both consumers handling' });
            strict_1.default.ok(processed.size < total, 'killed mid-stream');
            a.process.kill('SIGKILL');
            const handledByAAtKill = a.handled;
            // The survivor gets the dead member's partitions after its session timeout (6 s) and
            // reads them from their last commit.
            await (0, wait_for_1.waitFor)(() => processed.size === total, { timeoutMs: 60_000, intervalMs: 100, message: `all ${total} ids processed (have ${processed.size})` });
            await (0, wait_for_1.waitFor)(async () => (await (0, kafka_broker_1.partitionOffsets)(topic, groupId)).every((p) => p.committed === p.high), { timeoutMs: 30_000, message: 'committed offsets at the end of every partition' });
            const duplicates = [...processed.values()].filter((count) => count > 1).length;
            strict_1.default.ok(handledByAAtKill > 0 && b.handled > 0);
            // At-least-once: duplicates only from the killed consumer's uncommitted window.
            strict_1.default.ok(duplicates <= 200, `duplicates bounded by the in-flight and commit window (${duplicates})`);
        }
        finally {
            a.process.kill('SIGKILL');
            b.process.kill('SIGTERM');
            await (0, wait_for_1.waitFor)(() => b.process.exitCode !== null || b.process.signalCode !== null, { timeoutMs: 15_000 }).catch(() => b.process.kill('SIGKILL'));
            await (0, kafka_broker_1.deleteTopicsAndGroups)([topic], [groupId]);
        }
    });
    (0, node_test_1.it)('two consumers in one group, one closed with SIGTERM mid-stream: every message processed exactly once', async () => {
        const topic = (0, names_1.uniqueName)('term');
        const groupId = (0, names_1.uniqueName)('g');
        await (0, kafka_broker_1.createTopic)(topic, 4);
        const processed = new Map();
        const a = startConsumer(topic, groupId, processed);
        const b = startConsumer(topic, groupId, processed);
        try {
            await Promise.all([a.ready, b.ready]);
            const total = 800;
            await produceIds(topic, total);
            await (0, wait_for_1.waitFor)(() => a.handled >= 50 && b.handled >= 50, { timeoutMs: 30_000, message: 'both consumers handling' });
            strict_1.default.ok(processed.size < total, 'closed mid-stream');
            const exited = new Promise((resolve) => a.process.once('exit', (code) => resolve(code)));
            a.process.kill('SIGTERM');
            strict_1.default.equal(await exited, 0, 'graceful close finished');
            await (0, wait_for_1.waitFor)(() => processed.size === total, { timeoutMs: 60_000, intervalMs: 100, message: `all ${total} ids processed (have ${processed.size})` });
            await (0, wait_for_1.waitFor)(async () => (await (0, kafka_broker_1.partitionOffsets)(topic, groupId)).every((p) => p.committed === p.high), { timeoutMs: 30_000, message: 'committed offsets at the end of every partition' });
            const duplicates = [...processed.entries()].filter(([, count]) => count > 1).map(([id]) => id);
            strict_1.default.deepEqual(duplicates, [], 'a graceful close commits what it settled: nothing is handled twice');
        }
        finally {
            a.process.kill('SIGKILL');
            b.process.kill('SIGTERM');
            await (0, wait_for_1.waitFor)(() => b.process.exitCode !== null || b.process.signalCode !== null, { timeoutMs: 15_000 }).catch(() => b.process.kill('SIGKILL'));
            await (0, kafka_broker_1.deleteTopicsAndGroups)([topic], [groupId]);
        }
    });
});
//# sourceMappingURL=kill-kafka.test.js.map