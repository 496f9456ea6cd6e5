"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.kafkaTransport = kafkaTransport;
const kafkajs_1 = require("kafkajs");
const lib_1 = require("../../lib");
const kafka_1 = require("../../lib/kafka");
const patterns_1 = require("../patterns");
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((broker) => broker.trim());
const LOG_LEVEL = process.env.SAMPLE_LOG === '1' ? kafkajs_1.logLevel.WARN : kafkajs_1.logLevel.NOTHING;
/**
 * Kafka: one topic per pattern (created at start), dead letters in `<topic>.dlt`.
 * The broker's view: the group's committed offsets against the end offsets
 * (what is not committed is not settled), and the dead-letter topics read back.
 */
async function kafkaTransport(patterns) {
    const groupId = `sample-${patterns_1.RUN_ID}`;
    const readerGroupId = `${groupId}-dlt-reader`;
    const kafka = new kafkajs_1.Kafka({ brokers, clientId: 'nestjs-ack-sample', logLevel: LOG_LEVEL });
    const admin = kafka.admin();
    await admin.connect();
    const deadLetterTopics = patterns.map((topic) => `${topic}.dlt`);
    const client = new kafka_1.KafkaAckClient({ brokers, clientId: 'nestjs-ack-sample', logLevel: LOG_LEVEL });
    return {
        description: `Kafka (group ${groupId}, topics sample-${patterns_1.RUN_ID}.*, dead letters in <topic>.dlt)`,
        server: new kafka_1.KafkaAckServer({
            brokers,
            groupId,
            // The unhandled pattern's topic is consumed too, to show its messages dead-lettered as no-handler.
            topics: [patterns_1.Patterns.refunded],
            createTopics: true,
            fromBeginning: true,
            // A value that is not JSON is dead-lettered instead of reaching the handler as a string.
            nonJsonValues: 'reject',
            logLevel: LOG_LEVEL,
        }),
        client,
        async publishPoison(topic) {
            const producer = kafka.producer();
            await producer.connect();
            await producer.send({ topic, acks: -1, messages: [{ value: Buffer.from('{ not json') }] });
            await producer.disconnect();
        },
        async readBroker() {
            const lines = [];
            let unsettled = 0;
            let committedTotal = 0;
            const groupOffsets = await admin.fetchOffsets({ groupId, topics: patterns });
            for (const { topic, partitions } of groupOffsets) {
                const ends = await admin.fetchTopicOffsets(topic);
                for (const end of ends) {
                    const committed = Number(partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
                    const from = committed >= 0 ? committed : Number(end.low);
                    unsettled += Number(end.high) - from;
                    committedTotal += Math.max(committed, 0);
                }
            }
            lines.push(`group ${groupId}: committed offsets sum to ${committedTotal}, ${unsettled} record(s) past them on ${patterns.length} topics`);
            const deadLetters = await readDeadLetters();
            lines.push(`dead-letter topics <topic>.dlt: ${deadLetters.length} record(s) read back, up to their end offsets`);
            return { lines, unsettled, deadLetters };
        },
        async cleanup() {
            await admin.deleteGroups([groupId, readerGroupId]).catch(() => undefined);
            const existing = new Set(await admin.listTopics());
            const topics = [...patterns, ...deadLetterTopics].filter((topic) => existing.has(topic));
            if (topics.length > 0)
                await admin.deleteTopics({ topics, timeout: 5000 }).catch(() => undefined);
            await admin.disconnect();
        },
    };
    /** Every record of the dead-letter topics, up to the end offsets read first (their count is the end offsets' sum). */
    async function readDeadLetters() {
        const remaining = new Map();
        for (const topic of deadLetterTopics) {
            const ends = await admin.fetchTopicOffsets(topic).catch(() => []);
            for (const { partition, high, low } of ends)
                if (Number(high) > Number(low))
                    remaining.set(`${topic}:${partition}`, Number(high));
        }
        const found = [];
        if (remaining.size === 0)
            return found;
        const consumer = kafka.consumer({ groupId: readerGroupId, maxWaitTimeInMs: 100 });
        try {
            await consumer.connect();
            await consumer.subscribe({ topics: [...new Set([...remaining.keys()].map((key) => key.slice(0, key.lastIndexOf(':'))))], fromBeginning: true });
            const done = new Promise((resolve) => {
                void consumer.run({
                    autoCommit: false,
                    eachMessage: async ({ topic, partition, message }) => {
                        const key = `${topic}:${partition}`;
                        const end = remaining.get(key);
                        if (end === undefined || Number(message.offset) >= end)
                            return;
                        found.push({ pattern: topic.slice(0, -'.dlt'.length), reason: String(message.headers?.[lib_1.DeadLetterHeaders.REASON] ?? '') });
                        if (Number(message.offset) >= end - 1)
                            remaining.delete(key);
                        if (remaining.size === 0)
                            resolve();
                    },
                });
            });
            let timer;
            const timeout = new Promise((resolve) => (timer = setTimeout(resolve, 30_000)));
            await Promise.race([done, timeout]).finally(() => clearTimeout(timer));
        }
        finally {
            await consumer.disconnect().catch(() => undefined);
        }
        return found;
    }
}
//# sourceMappingURL=kafka.js.map