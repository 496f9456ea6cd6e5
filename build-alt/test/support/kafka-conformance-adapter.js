"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FAST_KAFKA = void 0;
exports.deadLetterView = deadLetterView;
exports.kafkaConformanceAdapter = kafkaConformanceAdapter;
const core_1 = require("@nestjs/core");
const rxjs_1 = require("rxjs");
const core_2 = require("../../lib/core");
const kafka_1 = require("../../lib/kafka");
const kafka_broker_1 = require("./kafka-broker");
const names_1 = require("./names");
const rabbit_conformance_adapter_1 = require("./rabbit-conformance-adapter");
/** Partitions of every conformance topic: concurrency on Kafka is across partitions (the close test holds 3 handlers at once). */
const PARTITIONS = 3;
/** A `max.message.bytes` below any record batch's size: the topic refuses every record (MESSAGE_TOO_LARGE). */
const BLOCKED_MAX_MESSAGE_BYTES = 1;
/** Server settings that keep per-test start and redelivery fast. */
exports.FAST_KAFKA = { sessionTimeout: 6000, heartbeatInterval: 500, rebalanceTimeout: 6000, maxWaitTimeInMs: 50, commitInterval: 20 };
/** Decodes a dead-letter record's headers into the suite's view. */
function deadLetterView(record) {
    const headers = {};
    for (const [name, value] of Object.entries(record.headers ?? {})) {
        if (value !== undefined && value !== null)
            headers[name] = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
    }
    return {
        body: record.value ?? Buffer.alloc(0),
        headers,
        reason: headers[core_2.DeadLetterHeaders.REASON] ?? '',
        errorName: headers[core_2.DeadLetterHeaders.ERROR_NAME],
        errorMessage: headers[core_2.DeadLetterHeaders.ERROR_MESSAGE],
        deliveryCount: Number(headers[core_2.DeadLetterHeaders.DELIVERY_COUNT] ?? NaN),
        source: JSON.parse(headers[core_2.DeadLetterHeaders.SOURCE] ?? '{}'),
    };
}
/**
 * Runs the conformance suite on Kafka: a topic per pattern (3 partitions,
 * created by the server's `createTopics`, with `<topic>.dlt`), a fresh group
 * per start; `outstanding` is end offset minus the group's committed offset
 * (so a message waiting for a delayed nack counts), dead letters are read
 * from `<topic>.dlt`. Topics and the group are deleted at close. `ordering`
 * is the server's (default: the server's default, `'partition'`).
 */
function kafkaConformanceAdapter(ordering) {
    return {
        name: ordering ? `kafka (ordering: ${ordering})` : 'kafka',
        // The record's value is the data itself, not Nest's { pattern, data } envelope.
        bodyOf: (_pattern, data) => data,
        canBlockDeadLetters: true,
        async start(setup) {
            const groupId = (0, names_1.uniqueName)('conformance');
            const server = new kafka_1.KafkaAckServer({
                ...setup.serverOptions,
                ...exports.FAST_KAFKA,
                ...(ordering ? { ordering } : {}),
                brokers: kafka_broker_1.KAFKA_BROKERS,
                groupId,
                topics: setup.patterns,
                createTopics: { numPartitions: PARTITIONS },
                fromBeginning: true,
            });
            const app = await core_1.NestFactory.createMicroservice(setup.module, { strategy: server, logger: rabbit_conformance_adapter_1.testLogLevels });
            const topics = [...setup.patterns, ...setup.patterns.map((p) => `${p}.dlt`)];
            try {
                if (setup.listen !== false)
                    await app.listen();
            }
            catch (error) {
                await app.close().catch(() => undefined);
                await (0, kafka_broker_1.deleteTopicsAndGroups)(topics, [groupId]).catch(() => undefined);
                throw error;
            }
            // A client per test: a kafkajs producer keeps refreshing the metadata of every topic it ever
            // wrote to, and earlier tests' deleted topics would cost each first send a retry (~250 ms).
            const client = (0, kafka_broker_1.testClient)('nestjs-ack-conformance');
            const deadLetterCache = new Map();
            let closed = false;
            return {
                app,
                server,
                emit: (pattern, data) => (0, rxjs_1.firstValueFrom)(client.emit(pattern, data), { defaultValue: undefined }),
                send: (pattern, data) => (0, rxjs_1.firstValueFrom)(client.send(pattern, data)),
                publishRaw: (pattern, body) => client.produce(pattern, { value: body }),
                outstanding: (pattern) => (0, kafka_broker_1.uncommitted)(pattern, groupId),
                consumers: () => (0, kafka_broker_1.groupMembers)(groupId),
                blockDeadLetters: (pattern, blocked) => (0, kafka_broker_1.setMaxMessageBytes)(`${pattern}.dlt`, blocked ? BLOCKED_MAX_MESSAGE_BYTES : undefined),
                async deadLetters(pattern) {
                    const topic = `${pattern}.dlt`;
                    const count = await (0, kafka_broker_1.endOffsetTotal)(topic);
                    if (count === 0)
                        return [];
                    const cached = deadLetterCache.get(topic);
                    if (cached?.count === count)
                        return cached.views;
                    const views = (await (0, kafka_broker_1.readTopic)(topic)).map(deadLetterView);
                    deadLetterCache.set(topic, { count, views });
                    return views;
                },
                async close() {
                    if (closed)
                        return;
                    closed = true;
                    try {
                        await app.close();
                    }
                    finally {
                        await client.close().catch(() => undefined);
                        await (0, kafka_broker_1.deleteTopicsAndGroups)(topics, [groupId]).catch(() => undefined);
                    }
                },
            };
        },
        async dispose() {
            await (0, kafka_broker_1.closeSharedAdmin)();
        },
    };
}
//# sourceMappingURL=kafka-conformance-adapter.js.map