"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KafkaAckClient = void 0;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const microservices_1 = require("@nestjs/microservices");
const kafkajs_1 = require("kafkajs");
const kafka_codec_1 = require("./kafka-codec");
const kafka_headers_1 = require("./kafka-headers");
const kafka_logger_1 = require("./kafka-logger");
const kafka_settings_1 = require("./kafka-settings");
const kafka_topics_1 = require("./kafka-topics");
const pending_requests_1 = require("../core/pending-requests");
const telemetry_hooks_1 = require("../core/telemetry-hooks");
/**
 * Publishes to Kafka in the format of Nest's Kafka transport (the pattern is
 * the topic, the data the JSON value): `emit()` resolves once the broker
 * stored the record (acks=-1); `send()` adds `kafka_correlationId` and
 * `kafka_replyTopic` headers and reads the replies on its reply topic.
 */
class KafkaAckClient extends microservices_1.ClientProxy {
    options;
    logger = new common_1.Logger(KafkaAckClient.name);
    kafka;
    replyTopic;
    ownsReplyTopic;
    pending = new pending_requests_1.PendingRequests();
    producer;
    connecting;
    replies;
    constructor(options = {}) {
        super();
        this.options = options;
        const brokers = (0, kafka_settings_1.assertBrokers)(options.brokers);
        if (options.replyTopic !== undefined)
            (0, kafka_settings_1.assertTopicName)(options.replyTopic, 'KafkaAckClient option replyTopic');
        this.kafka = new kafkajs_1.Kafka({
            ...options.client,
            brokers,
            clientId: options.clientId ?? 'nestjs-ack-client',
            logLevel: options.logLevel ?? kafkajs_1.logLevel.WARN,
            logCreator: (0, kafka_logger_1.nestLogCreator)(this.logger),
        });
        this.ownsReplyTopic = options.replyTopic === undefined;
        this.replyTopic = options.replyTopic ?? `nestjs-ack.replies.${(0, node_crypto_1.randomUUID)()}`;
        this.initializeSerializer({});
        this.initializeDeserializer({});
    }
    /** Connects the producer (the reply consumer starts at the first `send()`). */
    async connect() {
        this.connecting ??= (async () => {
            const producer = this.kafka.producer({ createPartitioner: kafkajs_1.Partitioners.DefaultPartitioner });
            await producer.connect();
            this.producer = producer;
            return producer;
        })().catch((error) => {
            this.connecting = undefined;
            throw error;
        });
        return this.connecting;
    }
    async close() {
        const replies = this.replies;
        this.replies = undefined;
        this.connecting = undefined;
        if (replies)
            await (await replies.catch(() => undefined))?.disconnect().catch(() => undefined);
        await this.producer?.disconnect().catch(() => undefined);
        this.producer = undefined;
        if (replies && this.ownsReplyTopic) {
            const admin = this.kafka.admin();
            await admin.connect().then(() => admin.deleteTopics({ topics: [this.replyTopic] })).catch(() => undefined);
            if (!this.options.replyGroupId)
                await admin.deleteGroups([this.replyTopic]).catch(() => undefined);
            await admin.disconnect().catch(() => undefined);
        }
    }
    unwrap() {
        return this.kafka;
    }
    /** Produces one record as it is (no encoding) and resolves once the broker stored it. */
    async produce(topic, record) {
        const producer = await this.connect();
        await producer.send({ topic, acks: -1, messages: [record] });
    }
    publish(partial, callback) {
        const packet = this.assignPacketId(partial);
        const topic = this.normalizePattern(packet.pattern);
        const serialized = this.serializer.serialize(packet);
        const unsubscribe = this.pending.add(packet.id, callback);
        const headers = { [kafka_headers_1.KafkaReplyHeaders.CORRELATION_ID]: packet.id, [kafka_headers_1.KafkaReplyHeaders.REPLY_TOPIC]: this.replyTopic };
        this.listenForReplies()
            .then(() => this.produceObserved(topic, { value: (0, kafka_codec_1.encodeValue)(serialized.data), headers }, true))
            .catch((err) => this.pending.fail(packet.id, err));
        return unsubscribe;
    }
    async dispatchEvent(packet) {
        const serialized = this.serializer.serialize(packet);
        await this.produceObserved(this.normalizePattern(packet.pattern), { value: (0, kafka_codec_1.encodeValue)(serialized.data) }, false);
        return undefined;
    }
    /** `produce()` with the trace context headers of a telemetry observer, when one is set. */
    produceObserved(topic, record, request) {
        return (0, telemetry_hooks_1.observePublish)({ transport: 'kafka', destination: topic, pattern: topic, request }, (trace) => this.produce(topic, trace ? { ...record, headers: { ...record.headers, ...trace } } : record));
    }
    listenForReplies() {
        this.replies ??= (async () => {
            const admin = this.kafka.admin();
            await admin.connect();
            try {
                await (0, kafka_topics_1.ensureTopics)(admin, [this.replyTopic], undefined, { numPartitions: 1, replicationFactor: -1 });
            }
            finally {
                await admin.disconnect();
            }
            const consumer = this.kafka.consumer({ groupId: this.options.replyGroupId ?? this.replyTopic, maxWaitTimeInMs: 100 });
            await consumer.connect();
            // From the beginning: the topic is ours, and a reply written before the first fetch must not be skipped.
            await consumer.subscribe({ topics: [this.replyTopic], fromBeginning: this.ownsReplyTopic });
            await consumer.run({ eachMessage: async ({ message }) => this.onReply((0, kafka_headers_1.headersToStrings)(message.headers), message.value) });
            return consumer;
        })().catch((error) => {
            this.replies = undefined;
            throw error;
        });
        return this.replies;
    }
    onReply(headers, value) {
        const id = headers[kafka_headers_1.KafkaReplyHeaders.CORRELATION_ID];
        if (id === undefined || !this.pending.has(id))
            return;
        const err = headers[kafka_headers_1.KafkaReplyHeaders.NEST_ERR];
        if (err !== undefined) {
            this.pending.deliver(id, { err: (0, pending_requests_1.parseReplyBody)(err), isDisposed: true });
            return;
        }
        const isDisposed = headers[kafka_headers_1.KafkaReplyHeaders.NEST_IS_DISPOSED] !== undefined;
        let response;
        try {
            response = (0, kafka_codec_1.decodeValue)(value);
        }
        catch {
            response = value?.toString('utf8');
        }
        this.pending.deliver(id, { response: response ?? undefined, isDisposed });
    }
}
exports.KafkaAckClient = KafkaAckClient;
//# sourceMappingURL=kafka-ack.client.js.map