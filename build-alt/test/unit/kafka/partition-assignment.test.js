"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const commit_coalescer_1 = require("../../../lib/kafka/commit-coalescer");
const kafka_commands_1 = require("../../../lib/kafka/kafka-commands");
const partition_assignment_1 = require("../../../lib/kafka/partition-assignment");
const partition_fetch_1 = require("../../../lib/kafka/partition-fetch");
const wait_for_1 = require("../../support/wait-for");
function record(offset) {
    return { offset: String(offset), key: null, value: Buffer.from('{}'), timestamp: '0', attributes: 0, headers: {} };
}
function setup() {
    const calls = [];
    const commits = [];
    const messages = [];
    const control = new partition_fetch_1.FetchControl((error) => {
        throw error;
    });
    control.use({
        pause: ([{ topic, partitions }]) => void calls.push(`pause ${topic}/${partitions[0]}`),
        resume: ([{ topic, partitions }]) => void calls.push(`resume ${topic}/${partitions[0]}`),
        seek: ({ topic, partition, offset }) => void calls.push(`seek ${topic}/${partition} ${offset}`),
    });
    const coalescer = new commit_coalescer_1.CommitCoalescer({ intervalMs: 60_000, everyN: 1000, onError: () => undefined });
    coalescer.use({ commitOffsets: async (offsets) => void commits.push(...offsets.map((o) => `${o.topic}/${o.partition}@${o.offset}`)) });
    const assignment = new partition_assignment_1.PartitionAssignment(control, coalescer, {
        handle: async (message) => void messages.push(message),
        ordering: 'partition',
        concurrency: 10,
        maxQueued: 100,
        maxUncommitted: 1000,
        hurryCommit: () => undefined,
        reportError: (error) => {
            throw error;
        },
    });
    return { calls, commits, messages, coalescer, commands: new kafka_commands_1.KafkaCommands(coalescer, undefined), assignment };
}
(0, node_test_1.describe)('PartitionAssignment', () => {
    (0, node_test_1.it)('creates workers for new partitions and clears pauses left from an earlier ownership', () => {
        const { assignment, calls } = setup();
        assignment.assign({ t: [0, 1] });
        strict_1.default.deepEqual(calls, ['resume t/0', 'resume t/1']);
        strict_1.default.equal(assignment.workerFor('t', 0), assignment.workerFor('t', 0));
    });
    (0, node_test_1.it)('hands received records to the partition\'s worker', async () => {
        const { assignment, messages } = setup();
        assignment.assign({ t: [0, 1] });
        assignment.receive('t', 1, [record(7)]);
        await (0, wait_for_1.waitFor)(() => messages.length === 1);
        strict_1.default.deepEqual([messages[0].topic, messages[0].partition, messages[0].offset, messages[0].deliveryCount], ['t', 1, '7', 1]);
    });
    (0, node_test_1.it)('retires revoked partitions: no more commits, delivery counts forgotten', async () => {
        const { assignment, coalescer, commits, commands, messages } = setup();
        assignment.assign({ t: [0, 1] });
        const revoked = assignment.workerFor('t', 1);
        assignment.receive('t', 1, [record(0)]);
        await (0, wait_for_1.waitFor)(() => messages.length === 1);
        await commands.nack(messages[0], 60_000);
        assignment.assign({ t: [0] });
        strict_1.default.equal(revoked.tracker.owned, false);
        await strict_1.default.rejects(commands.ack(messages[0], { durable: false }), { name: 'DeliveryGoneError' });
        await coalescer.flush();
        strict_1.default.deepEqual(commits, [], 'a revoked partition is not committed after the rejoin');
        const fresh = assignment.workerFor('t', 1);
        strict_1.default.notEqual(fresh, revoked, 'assigned again later: a fresh worker');
        fresh.enqueue([record(0)]);
        await (0, wait_for_1.waitFor)(() => messages.length === 2);
        strict_1.default.equal(messages[1].deliveryCount, 1, 'the delivery count starts again');
    });
    (0, node_test_1.it)('commits kept partitions again after a rejoin', async () => {
        const { assignment, coalescer, commits, commands, messages } = setup();
        assignment.assign({ t: [0] });
        assignment.receive('t', 0, [record(4)]);
        await (0, wait_for_1.waitFor)(() => messages.length === 1);
        await commands.ack(messages[0], { durable: false });
        await coalescer.flush();
        assignment.assign({ t: [0] });
        await coalescer.flush();
        strict_1.default.deepEqual(commits, ['t/0@5', 't/0@5']);
        coalescer.stop();
    });
});
//# sourceMappingURL=partition-assignment.test.js.map