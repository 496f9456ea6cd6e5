"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
const core_1 = require("@nestjs/core");
const rxjs_1 = require("rxjs");
const kafka_1 = require("../../lib/kafka");
const kafka_broker_1 = require("../support/kafka-broker");
const kafka_conformance_adapter_1 = require("../support/kafka-conformance-adapter");
const kafka_test_app_1 = require("../support/kafka-test-app");
const names_1 = require("../support/names");
const rabbit_conformance_adapter_1 = require("../support/rabbit-conformance-adapter");
const wait_for_1 = require("../support/wait-for");
const DELAYS_MS = [0, 10, 50, 200, 400];
const client = (0, kafka_broker_1.testClient)('close-during-start-test');
(0, node_test_1.after)(async () => {
    await client.close();
    await (0, kafka_broker_1.closeSharedAdmin)();
});
async function groupState(groupId) {
    const admin = await (0, kafka_broker_1.sharedAdmin)();
    const { groups } = await admin.describeGroups([groupId]);
    return groups[0]?.state;
}
/** Resolves with how `promise` ended, or 'pending' after `ms`. */
function outcome(promise, ms) {
    let timer;
    const pending = new Promise((resolve) => (timer = setTimeout(() => resolve('pending'), ms)));
    return Promise.race([promise.then(() => 'resolved', () => 'rejected'), pending]).finally(() => clearTimeout(timer));
}
/**
 * A plain kafkajs member of the group that rejoins only on its heartbeat (every
 * 3 s): each server joining the group then waits for that rebalance, so a
 * close a few hundred ms into `listen()` lands while the consumer joins.
 */
async function slowMember(groupId, topic) {
    const consumer = (0, kafka_broker_1.testKafka)('close-during-start-member').consumer({ groupId, heartbeatInterval: 3000, sessionTimeout: 30_000, rebalanceTimeout: 30_000, maxWaitTimeInMs: 100 });
    const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.connect();
    await consumer.subscribe({ topics: [topic] });
    await consumer.run({ eachMessage: async () => undefined });
    await joined;
    return { stop: () => consumer.disconnect() };
}
(0, node_test_1.describe)('Kafka: app.close() while app.listen() is under way', { timeout: 180_000 }, () => {
    (0, node_test_1.it)(`settles listen() and leaves no group member, at ${DELAYS_MS.join(', ')} ms (joining a busy group); a fresh server then gets the partition`, async () => {
        const topic = (0, names_1.uniqueName)('closestart');
        const groupId = (0, names_1.uniqueName)('g');
        const handled = [];
        await (0, kafka_broker_1.createTopic)(topic);
        const member = await slowMember(groupId, topic);
        let memberStopped = false;
        try {
            const outcomes = [];
            for (const delayMs of DELAYS_MS) {
                await (0, wait_for_1.waitFor)(async () => (await groupState(groupId)) === 'Stable', { timeoutMs: 20_000, message: 'the group is stable before the next start' });
                // createTopics: the admin steps of the start are part of what a close interrupts.
                const server = new kafka_1.KafkaAckServer({ ...kafka_conformance_adapter_1.FAST_KAFKA, brokers: kafka_broker_1.KAFKA_BROKERS, groupId, createTopics: true, fromBeginning: true });
                const app = await core_1.NestFactory.createMicroservice((0, kafka_test_app_1.handlerModule)(topic, (data) => void handled.push(data)), { strategy: server, logger: rabbit_conformance_adapter_1.testLogLevels });
                const listening = app.listen();
                await new Promise((resolve) => setTimeout(resolve, delayMs)); // the delay under test, not a wait for a result
                await app.close();
                const listen = await outcome(listening, 10_000);
                outcomes.push(listen);
                strict_1.default.notEqual(listen, 'pending', `listen() settles after a close ${delayMs} ms into it`);
                strict_1.default.equal(await (0, kafka_broker_1.groupMembers)(groupId), 1, `only the slow member is left in the group after a close ${delayMs} ms into listen() (listen ${listen})`);
                strict_1.default.equal(server.unwrap().consumer, undefined, 'the consumer is closed and released');
            }
            // The join waits for the slow member's rebalance: most closes above land during the start (a cancelled start rejects listen()).
            strict_1.default.ok(outcomes.filter((o) => o === 'rejected').length >= 3, `closes during the start: ${outcomes.join(', ')}`);
            await member.stop();
            memberStopped = true;
            strict_1.default.equal(await (0, kafka_broker_1.groupMembers)(groupId), 0, 'no member of the closed servers joined late');
            // A consumer left behind would hold the topic's only partition (and show as a member): the fresh server would starve.
            const { app } = await (0, kafka_test_app_1.startKafkaApp)((0, kafka_test_app_1.handlerModule)(topic, (data) => void handled.push(data)), { groupId });
            try {
                strict_1.default.equal(await (0, kafka_broker_1.groupMembers)(groupId), 1, 'only the fresh server is in the group');
                await (0, rxjs_1.firstValueFrom)(client.emit(topic, { n: 1 }), { defaultValue: undefined });
                await (0, wait_for_1.waitFor)(() => handled.length === 1, { timeoutMs: 15_000, message: 'the fresh server handles a new message' });
                strict_1.default.deepEqual(handled, [{ n: 1 }]);
            }
            finally {
                await app.close();
            }
            strict_1.default.equal(await (0, kafka_broker_1.groupMembers)(groupId), 0);
        }
        finally {
            if (!memberStopped)
                await member.stop().catch(() => undefined);
            await (0, kafka_broker_1.deleteTopicsAndGroups)([topic, `${topic}.dlt`], [groupId]);
        }
    });
    (0, node_test_1.it)('a process closing servers during their start exits by itself', async () => {
        const topic = (0, names_1.uniqueName)('closestart');
        const groupId = (0, names_1.uniqueName)('g');
        await (0, kafka_broker_1.createTopic)(topic);
        try {
            const child = (0, node_child_process_1.spawn)(process.execPath, [(0, node_path_1.join)(__dirname, '../support/kafka-close-child.js')], {
                env: { ...process.env, TOPIC: topic, GROUP_ID: groupId, DELAYS_MS: DELAYS_MS.join(','), KAFKAJS_NO_PARTITIONER_WARNING: '1' },
                stdio: ['ignore', 'pipe', 'inherit'],
            });
            let output = '';
            child.stdout.on('data', (chunk) => (output += chunk));
            const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
            const result = await outcome(exited, 60_000);
            if (result === 'pending')
                child.kill('SIGKILL');
            strict_1.default.equal(result, 'resolved', `the child exits by itself (output so far: ${output.trim()})`);
            strict_1.default.equal(await exited, 0, output);
            const lines = output.trim().split('\n').map((line) => JSON.parse(line));
            strict_1.default.deepEqual(lines.map((line) => line.delayMs), DELAYS_MS, output);
            for (const line of lines)
                strict_1.default.notEqual(line.listen, 'pending', `listen() settled: ${JSON.stringify(line)}`);
            strict_1.default.equal(await (0, kafka_broker_1.groupMembers)(groupId), 0);
        }
        finally {
            await (0, kafka_broker_1.deleteTopicsAndGroups)([topic, `${topic}.dlt`], [groupId]);
        }
    });
});
//# sourceMappingURL=close-during-start-kafka.test.js.map