"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const microservices_1 = require("@nestjs/microservices");
const rxjs_1 = require("rxjs");
const kafka_broker_1 = require("../support/kafka-broker");
const kafka_test_app_1 = require("../support/kafka-test-app");
const names_1 = require("../support/names");
const wait_for_1 = require("../support/wait-for");
(0, node_test_1.after)(() => (0, kafka_broker_1.closeSharedAdmin)());
(0, node_test_1.describe)('Kafka: Nest interop and long handlers', { timeout: 120_000 }, () => {
    (0, node_test_1.it)('handles events produced by Nest\'s own ClientKafka.emit()', async () => {
        const topic = (0, names_1.uniqueName)('nestemit');
        const groupId = (0, names_1.uniqueName)('g');
        await (0, kafka_broker_1.createTopic)(topic);
        const received = [];
        const { app } = await (0, kafka_test_app_1.startKafkaApp)((0, kafka_test_app_1.handlerModule)(topic, (data) => void received.push(data), 'REJECT_ON_ERROR'), { groupId });
        const nestClient = new microservices_1.ClientKafka({ client: { brokers: kafka_broker_1.KAFKA_BROKERS, clientId: 'nest-client-kafka' }, producerOnlyMode: true, producer: { allowAutoTopicCreation: false } });
        try {
            await nestClient.connect();
            await (0, rxjs_1.lastValueFrom)(nestClient.emit(topic, { n: 1, text: 'from ClientKafka' }));
            await (0, rxjs_1.lastValueFrom)(nestClient.emit(topic, 'a plain string'));
            await (0, rxjs_1.lastValueFrom)(nestClient.emit(topic, { key: 'k', value: { n: 2 }, headers: { h: 'v' } }));
            await (0, wait_for_1.waitFor)(() => received.length === 3, { message: '3 events handled' });
            strict_1.default.deepEqual(received, [{ n: 1, text: 'from ClientKafka' }, 'a plain string', { n: 2 }]);
            await (0, wait_for_1.waitFor)(async () => (await (0, kafka_broker_1.committedOffset)(topic, groupId)) === 3, { message: 'committed past all three' });
        }
        finally {
            await nestClient.close();
            await app.close();
            await (0, kafka_broker_1.deleteTopicsAndGroups)([topic, `${topic}.dlt`], [groupId]);
        }
    });
    (0, node_test_1.it)('answers requests of Nest\'s own ClientKafka.send() (reply topic, correlation id, reply partition headers)', async () => {
        const topic = (0, names_1.uniqueName)('nestsend');
        const groupId = (0, names_1.uniqueName)('g');
        await (0, kafka_broker_1.createTopic)([topic, `${topic}.reply`]);
        const { app } = await (0, kafka_test_app_1.startKafkaApp)((0, kafka_test_app_1.handlerModule)(topic, (data) => {
            if (data.n < 0)
                throw new Error('negative on purpose');
            return { doubled: data.n * 2 };
        }, 'REJECT_ON_ERROR', 'message'), { groupId });
        const nestClient = new microservices_1.ClientKafka({
            client: { brokers: kafka_broker_1.KAFKA_BROKERS, clientId: 'nest-client-kafka-send' },
            consumer: { groupId: (0, names_1.uniqueName)('nest-client'), sessionTimeout: 6000, heartbeatInterval: 500, maxWaitTimeInMs: 100 },
            subscribe: { fromBeginning: true },
        });
        nestClient.subscribeToResponseOf(topic);
        try {
            await nestClient.connect();
            strict_1.default.deepEqual(await (0, rxjs_1.lastValueFrom)(nestClient.send(topic, { n: 21 })), { doubled: 42 });
            await strict_1.default.rejects((0, rxjs_1.lastValueFrom)(nestClient.send(topic, { n: -1 })));
            await (0, wait_for_1.waitFor)(async () => (await (0, kafka_broker_1.committedOffset)(topic, groupId)) === 2, { message: 'both requests settled' });
        }
        finally {
            await nestClient.close();
            await app.close();
            await (0, kafka_broker_1.deleteTopicsAndGroups)([topic, `${topic}.reply`, `${topic}.dlt`], [groupId]);
        }
    });
    (0, node_test_1.it)('a handler running longer than the session timeout keeps the group (no rebalance, handled once)', async () => {
        const topic = (0, names_1.uniqueName)('long');
        const groupId = (0, names_1.uniqueName)('g');
        await (0, kafka_broker_1.createTopic)(topic);
        let calls = 0;
        const module = (0, kafka_test_app_1.handlerModule)(topic, async () => {
            calls++;
            await new Promise((resolve) => setTimeout(resolve, 8000));
        }, 'ACK');
        const { app, server } = await (0, kafka_test_app_1.startKafkaApp)(module, { groupId, sessionTimeout: 6000, heartbeatInterval: 500 });
        const { consumer } = server.unwrap();
        let joins = 0;
        let rebalances = 0;
        consumer.on(consumer.events.GROUP_JOIN, () => joins++);
        consumer.on(consumer.events.REBALANCING, () => rebalances++);
        const client = (0, kafka_broker_1.testClient)('long-handler-test');
        try {
            await (0, rxjs_1.lastValueFrom)(client.emit(topic, { n: 1 }), { defaultValue: undefined });
            await (0, wait_for_1.waitFor)(async () => (await (0, kafka_broker_1.committedOffset)(topic, groupId)) === 1, { timeoutMs: 20_000, message: 'committed after the long handler' });
            strict_1.default.equal(calls, 1, 'handled once');
            strict_1.default.equal(rebalances, 0, 'no rebalance while the handler ran');
            strict_1.default.equal(joins, 0, 'no rejoin');
        }
        finally {
            await client.close();
            await app.close();
            await (0, kafka_broker_1.deleteTopicsAndGroups)([topic, `${topic}.dlt`], [groupId]);
        }
    });
});
//# sourceMappingURL=nest-interop-kafka.test.js.map