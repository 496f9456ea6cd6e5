"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KafkaDriver = exports.KAFKA_PARTITIONS = exports.RabbitDriver = void 0;
exports.itemMessages = itemMessages;
exports.header = header;
// What the harness does on a broker itself, with the broker's own driver (amqplib, kafkajs; NATS,
// Redis and PostgreSQL in their own files), never with our client: create the stream, put messages
// on it (good or bad), read the dead letters and what is still outstanding, delete everything.
const amqplib_1 = require("amqplib");
const kafkajs_1 = require("kafkajs");
const core_1 = require("../lib/core");
const topic_leaders_1 = require("../lib/kafka/topic-leaders");
/** `{ pattern, data }` as Nest's clients write it (RabbitMQ); the data alone on Kafka. */
function itemMessages(transport, ids) {
    return ids.map((id) => ({ body: Buffer.from(JSON.stringify(transport === 'rabbitmq' ? { pattern: 'rel.item', data: { id } } : { id })) }));
}
function header(value) {
    if (value === undefined || value === null)
        return undefined;
    return Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
}
// ------------------------------------------------------------------ RabbitMQ ----------------
class RabbitDriver {
    addresses;
    transport = 'rabbitmq';
    model;
    next = 0;
    constructor(addresses) {
        this.addresses = addresses;
    }
    pattern() {
        return 'rel.item';
    }
    items(_stream, ids) {
        return itemMessages(this.transport, ids);
    }
    /** A connection to the first node that answers, starting after the last one that failed. */
    async connection() {
        if (this.model)
            return this.model;
        let last;
        for (let attempt = 0; attempt < this.addresses.length * 4; attempt++) {
            const url = this.addresses[this.next % this.addresses.length];
            try {
                const model = await (0, amqplib_1.connect)(url);
                model.on('error', () => undefined);
                model.on('close', () => {
                    if (this.model === model)
                        this.model = undefined;
                });
                this.model = model;
                return model;
            }
            catch (error) {
                last = error;
                this.next++;
                await new Promise((resolve) => setTimeout(resolve, 250));
            }
        }
        throw new Error(`no RabbitMQ node answers: ${last?.message}`);
    }
    /** Runs `work` on a fresh confirm channel; on a broken connection, again on the next node, for up to 2 minutes. */
    async withChannel(work) {
        const deadline = Date.now() + 120_000;
        for (;;) {
            let channel;
            try {
                const model = await this.connection();
                channel = await model.createConfirmChannel();
                channel.on('error', () => undefined);
                const result = await work(channel);
                await channel.close().catch(() => undefined);
                return result;
            }
            catch (error) {
                await channel?.close().catch(() => undefined);
                if (Date.now() > deadline)
                    throw error;
                this.next++;
                const model = this.model;
                this.model = undefined;
                await model?.close().catch(() => undefined);
                await new Promise((resolve) => setTimeout(resolve, 250));
            }
        }
    }
    async prepare() { }
    async publish(queue, messages) {
        // Batches of 200, each confirmed; a batch interrupted by a node loss is sent again
        // (duplicates on the queue are possible then, never a loss).
        for (let start = 0; start < messages.length; start += 200) {
            const batch = messages.slice(start, start + 200);
            await this.withChannel(async (channel) => {
                for (const message of batch) {
                    const options = { persistent: true, headers: message.headers };
                    if (message.replyTo)
                        options.replyTo = message.replyTo;
                    if (message.correlationId)
                        options.correlationId = message.correlationId;
                    channel.sendToQueue(queue, message.body ?? Buffer.alloc(0), options);
                }
                await channel.waitForConfirms();
            });
        }
    }
    async outstanding(queue) {
        return this.withChannel(async (channel) => (await channel.checkQueue(queue)).messageCount);
    }
    async deadLetters(queue) {
        return this.withChannel(async (channel) => {
            const letters = [];
            for (;;) {
                const message = await channel.get(`${queue}.dlq`, { noAck: false });
                if (!message)
                    break;
                const headers = message.properties.headers ?? {};
                letters.push({ input: header(headers['x-rel-input']), reason: header(headers[core_1.DeadLetterHeaders.REASON]) ?? '', deliveryCount: Number(header(headers[core_1.DeadLetterHeaders.DELIVERY_COUNT]) ?? NaN), body: message.content });
            }
            return letters; // the channel closes unacked: the broker keeps them all
        });
    }
    async cleanup(queue) {
        for (const [kind, name] of [['q', queue], ['q', `${queue}.dlq`], ['x', `${queue}.dlx`]]) {
            await this.withChannel((channel) => (kind === 'q' ? channel.deleteQueue(name) : channel.deleteExchange(name))).catch(() => undefined);
        }
    }
    async close() {
        await this.model?.close().catch(() => undefined);
        this.model = undefined;
    }
}
exports.RabbitDriver = RabbitDriver;
// ------------------------------------------------------------------ Kafka -------------------
/** Partitions of every Kafka topic the harness creates (unless a driver is given its own). */
exports.KAFKA_PARTITIONS = 3;
class KafkaDriver {
    addresses;
    options;
    transport = 'kafka';
    kafka;
    admin;
    producer;
    /** `leader`: 1-based index of the broker that must lead every partition (the cluster case). */
    constructor(addresses, options = {}) {
        this.addresses = addresses;
        this.options = options;
        this.kafka = new kafkajs_1.Kafka({ brokers: addresses, clientId: 'nestjs-ack-reliability', logLevel: kafkajs_1.logLevel.NOTHING, retry: { retries: 20, initialRetryTime: 200, maxRetryTime: 2000 } });
    }
    pattern(topic) {
        return topic;
    }
    items(_topic, ids) {
        return itemMessages(this.transport, ids);
    }
    getAdmin() {
        if (!this.admin) {
            const admin = this.kafka.admin();
            this.admin = admin.connect().then(() => admin);
        }
        return this.admin;
    }
    async prepare(topic, extra = []) {
        const admin = await this.getAdmin();
        const partitions = this.options.partitions ?? exports.KAFKA_PARTITIONS;
        const n = this.addresses.length;
        // In a cluster, broker `leader` is the preferred (first) replica of every partition: killing it
        // takes the leadership of the whole stream away.
        const replicaAssignment = this.options.leader
            ? Array.from({ length: partitions }, (_, partition) => ({ partition, replicas: Array.from({ length: n }, (_, k) => ((this.options.leader - 1 + k) % n) + 1) }))
            : undefined;
        const topics = [topic, `${topic}.dlt`, ...extra, ...extra.map((t) => `${t}.dlt`)];
        // kafkajs' waitForLeaders gives up on UNKNOWN_TOPIC_OR_PARTITION, which a loaded KRaft broker answers for a
        // moment after the creation: the loop below waits for the leaders instead.
        await admin.createTopics({
            waitForLeaders: false,
            topics: topics.map((t) => (replicaAssignment ? { topic: t, replicaAssignment } : { topic: t, numPartitions: partitions })),
        });
        await (0, topic_leaders_1.waitForTopicLeaders)(admin, topics);
    }
    async publish(topic, messages) {
        if (!this.producer) {
            const producer = this.kafka.producer({ allowAutoTopicCreation: false, retry: { retries: 30, initialRetryTime: 200, maxRetryTime: 2000 } });
            this.producer = producer.connect().then(() => producer);
        }
        const producer = await this.producer;
        for (let start = 0; start < messages.length; start += 200) {
            const batch = messages.slice(start, start + 200);
            const byTopic = new Map();
            for (const message of batch) {
                const target = message.topic ?? topic;
                if (!byTopic.has(target))
                    byTopic.set(target, []);
                byTopic.get(target).push({ value: message.body, headers: message.headers });
            }
            for (const [target, records] of byTopic)
                await producer.send({ topic: target, acks: -1, messages: records });
        }
    }
    async outstanding(topic, groupId) {
        const admin = await this.getAdmin();
        const [ends, [committed]] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId: groupId, topics: [topic] })]);
        return ends.reduce((sum, p) => {
            const c = Number(committed?.partitions.find((q) => q.partition === p.partition)?.offset ?? -1);
            return sum + Number(p.high) - (c >= 0 ? c : Number(p.low));
        }, 0);
    }
    async deadLetters(topic) {
        const admin = await this.getAdmin();
        const dlt = `${topic}.dlt`;
        const ends = await admin.fetchTopicOffsets(dlt);
        const remaining = new Map(ends.filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, Number(p.high)]));
        const letters = [];
        if (remaining.size === 0)
            return letters;
        const groupId = `reader.${dlt}.${Date.now()}`;
        const consumer = this.kafka.consumer({ groupId, maxWaitTimeInMs: 100, sessionTimeout: 6000, heartbeatInterval: 500 });
        try {
            await consumer.connect();
            await consumer.subscribe({ topics: [dlt], fromBeginning: true });
            const done = new Promise((resolve) => {
                void consumer.run({
                    autoCommit: false,
                    eachMessage: async ({ partition, message }) => {
                        const end = remaining.get(partition);
                        if (end === undefined || Number(message.offset) >= end)
                            return;
                        const headers = message.headers ?? {};
                        letters.push({ input: header(headers['x-rel-input']), reason: header(headers[core_1.DeadLetterHeaders.REASON]) ?? '', deliveryCount: Number(header(headers[core_1.DeadLetterHeaders.DELIVERY_COUNT]) ?? NaN), body: message.value ?? Buffer.alloc(0) });
                        if (Number(message.offset) >= end - 1)
                            remaining.delete(partition);
                        if (remaining.size === 0)
                            resolve();
                    },
                });
            });
            let timer;
            await Promise.race([done, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`reading ${dlt} timed out`)), 60_000)))]).finally(() => clearTimeout(timer));
        }
        finally {
            await consumer.disconnect().catch(() => undefined);
            await admin.deleteGroups([groupId]).catch(() => undefined);
        }
        return letters;
    }
    async cleanup(topic, groupId, extra = []) {
        // kafkajs keeps every topic it produced to in its metadata refreshes, and fails them all once one is deleted: a new producer per stream.
        const producer = this.producer;
        this.producer = undefined;
        await (await producer?.catch(() => undefined))?.disconnect().catch(() => undefined);
        const admin = await this.getAdmin();
        if (groupId)
            await admin.deleteGroups([groupId]).catch(() => undefined);
        const topics = [topic, `${topic}.dlt`, ...extra, ...extra.map((t) => `${t}.dlt`)];
        const existing = new Set(await admin.listTopics().catch(() => []));
        const gone = topics.filter((t) => existing.has(t));
        if (gone.length > 0)
            await admin.deleteTopics({ topics: gone, timeout: 10_000 }).catch(() => undefined);
        // The admin's metadata refreshes carry every topic it looked at too (fetchTopicOffsets...): a fresh one per stream.
        this.admin = undefined;
        await admin.disconnect().catch(() => undefined);
    }
    async close() {
        const producer = this.producer;
        const admin = this.admin;
        this.producer = undefined;
        this.admin = undefined;
        await (await producer?.catch(() => undefined))?.disconnect().catch(() => undefined);
        await (await admin?.catch(() => undefined))?.disconnect().catch(() => undefined);
    }
}
exports.KafkaDriver = KafkaDriver;
//# sourceMappingURL=drivers.js.map