"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KafkaAckServer = exports.KAFKA_TRANSPORT = void 0;
const kafkajs_1 = require("kafkajs");
const ack_server_1 = require("../core/ack-server");
const errors_1 = require("../core/errors");
const reconnect_1 = require("../core/reconnect");
const commit_coalescer_1 = require("./commit-coalescer");
const consumer_restart_1 = require("./consumer-restart");
const fetch_liveness_1 = require("./fetch-liveness");
const kafka_codec_1 = require("./kafka-codec");
const kafka_health_1 = require("./kafka-health");
const kafka_commands_1 = require("./kafka-commands");
const kafka_context_1 = require("./kafka-context");
const kafka_logger_1 = require("./kafka-logger");
const kafka_reply_1 = require("./kafka-reply");
const kafka_settings_1 = require("./kafka-settings");
const kafka_topics_1 = require("./kafka-topics");
const partition_assignment_1 = require("./partition-assignment");
const partition_fetch_1 = require("./partition-fetch");
/** How often fetch silence is checked (status events for an outage kafkajs rides out). */
const LIVENESS_CHECK_MS = 1_000;
/** Identifies this transport to Nest's processing hooks. */
exports.KAFKA_TRANSPORT = Symbol.for('nestjs-ack.kafka');
/**
 * nestjs-ack on Kafka (kafkajs). One consumer group; the topics are the
 * handler patterns. Kafka has no per-message ack, so settling is about which
 * offset is committed when: per partition, the commit never passes the lowest
 * offset not yet settled (see `OffsetTracker`), commits are coalesced
 * (`commitInterval`, `commitEveryN`) and flushed on close, before a rebalance
 * and, for `ACK_FIRST`, before the handler runs.
 *
 * - ack: mark settled; the commit follows.
 * - nack: under `ordering: 'partition'` the partition pauses for the delay, then
 *   re-reads from the offset (`PartitionFetch`); other partitions keep flowing.
 *   Under `'key'` / `'none'` only the record's key (or the record) waits.
 * - reject: the original record (value, key, headers) plus the `x-dead-letter-*`
 *   headers is produced to the dead-letter topic (acks=-1), then settled.
 *
 * Delivery counts live in memory (`OffsetTracker`): they restart after a
 * rebalance or a crash.
 */
class KafkaAckServer extends ack_server_1.AckServer {
    options;
    brokerSettings;
    commands;
    contextType = kafka_context_1.KafkaAckContext;
    decodePacket;
    replies = new kafka_reply_1.KafkaReplies();
    coalescer;
    fetchControl;
    partitions;
    kafka;
    consumer;
    producer;
    admin;
    subscribed = [];
    /** The consumer joined the group once: from then on a crash restarts it instead of failing the start. */
    joinedOnce = false;
    /** Crashes since the last join, for the status events. */
    crashes = 0;
    /** A broker outage kafkajs rides out without a crash shows only as silence (status events). */
    liveness;
    livenessTimer;
    /** Between kafkajs's REBALANCING and the next GROUP_JOIN nothing is fetched, by design. */
    rejoining = false;
    constructor(options) {
        super(options, exports.KAFKA_TRANSPORT);
        this.options = options;
        this.brokerSettings = (0, kafka_settings_1.resolveKafkaSettings)(options);
        this.decodePacket = (0, kafka_codec_1.kafkaPacketDecoder)(options.deserializer !== undefined, this.brokerSettings.nonJsonValues);
        this.liveness = new fetch_liveness_1.FetchLiveness((0, fetch_liveness_1.fetchSilenceMs)(this.brokerSettings.maxWaitTimeInMs), Date.now());
        const reportError = (error, what) => this.reportError(error, what);
        this.coalescer = new commit_coalescer_1.CommitCoalescer({
            intervalMs: this.brokerSettings.commitInterval,
            everyN: this.brokerSettings.commitEveryN,
            onError: (error) => this.reportError(error, 'offset commit failed (retried with the next commit)'),
            onCommitted: (topic, partition, offset) => this.partitions.committed(topic, partition, offset),
        });
        this.fetchControl = new partition_fetch_1.FetchControl(reportError);
        // The way of a delivery, one file after the other (docs/kafka.md, "Following a delivery"):
        // onBatch -> PartitionAssignment -> PartitionWorker -> toKafkaMessage -> AckServer.handleMessage.
        this.partitions = new partition_assignment_1.PartitionAssignment(this.fetchControl, this.coalescer, {
            handle: this.handleMessage.bind(this),
            ordering: this.brokerSettings.ordering,
            concurrency: this.settings.concurrency,
            maxQueued: this.brokerSettings.maxQueuedPerPartition,
            maxUncommitted: this.brokerSettings.maxUncommittedPerPartition,
            hurryCommit: (topic, partition) => this.coalescer.hurry(topic, partition),
            reportError,
        });
        this.commands = new kafka_commands_1.KafkaCommands(this.coalescer, this.brokerSettings.deadLetterTopic || undefined);
    }
    /** The kafkajs clients, once started. */
    unwrap() {
        return { kafka: this.kafka, consumer: this.consumer, producer: this.producer, admin: this.admin };
    }
    /** Topics this server consumes (known after start). */
    get topics() {
        return [...this.subscribed];
    }
    /** Connected (the admin client got an answer), consuming (joined, not crashed since), and the group's lag (`backlog`). */
    probeHealth() {
        return (0, kafka_health_1.probeKafka)({
            groupId: this.brokerSettings.groupId,
            topics: this.subscribed,
            state: this.currentStatus,
            admin: this.admin,
            consuming: this.consumer !== undefined && this.joinedOnce && this.crashes === 0 && !this.isClosing,
        });
    }
    /** Each step checks for a close (the core then disconnects what exists); only the group join, which can wait forever, is raced with it. */
    async start() {
        await this.connectAndRun();
        this.livenessTimer = setInterval(() => this.checkLiveness(), LIVENESS_CHECK_MS).unref();
    }
    /** Fetches went silent while partitions are assigned: the broker is gone (kafkajs retries on its own). */
    checkLiveness() {
        if (this.isClosing || !this.liveness.check(Date.now(), this.partitions.owned > 0 && !this.rejoining))
            return;
        this.setStatus('disconnected');
        this.events.emit('disconnected', new Error(`no fetch answered for ${this.liveness.silenceMs} ms`));
        this.setStatus('reconnecting');
        this.events.emit('reconnecting', 1);
    }
    /** A fetch or a join answered: ends a reported outage. */
    brokerAnswered() {
        if (!this.liveness.answered(Date.now()) || this.isClosing)
            return;
        this.crashes = 0;
        this.setStatus('connected');
        this.events.emit('connected');
    }
    async connectAndRun() {
        const settings = this.brokerSettings;
        const topics = [...new Set([...this.messageHandlers.keys(), ...settings.topics])];
        topics.forEach((topic) => (0, kafka_settings_1.assertTopicName)(topic, 'handler pattern (a KafkaAckServer pattern is a topic)'));
        this.subscribed = topics;
        this.kafka = new kafkajs_1.Kafka({ ...this.options.client, brokers: settings.brokers, clientId: settings.clientId, logLevel: settings.logLevel, logCreator: (0, kafka_logger_1.nestLogCreator)(this.logger) });
        this.admin = this.kafka.admin();
        await this.admin.connect();
        this.throwIfClosing();
        if (settings.createTopics) {
            await (0, kafka_topics_1.ensureTopics)(this.admin, topics, settings.deadLetterTopic || undefined, settings.createTopics);
        }
        this.throwIfClosing();
        this.producer = this.kafka.producer({ createPartitioner: kafkajs_1.Partitioners.DefaultPartitioner });
        this.commands.use(this.producer);
        this.replies.use(this.producer);
        await this.producer.connect();
        this.throwIfClosing();
        if (topics.length === 0)
            return;
        await this.runConsumer(topics);
    }
    /**
     * Creates, subscribes and runs the group's consumer; resolves once it joined
     * the group. Used at start and again when kafkajs gave up on a consumer.
     */
    async runConsumer(topics) {
        const settings = this.brokerSettings;
        const startedAt = Date.now();
        const consumer = this.kafka.consumer({
            groupId: settings.groupId,
            sessionTimeout: settings.sessionTimeout,
            rebalanceTimeout: settings.rebalanceTimeout,
            heartbeatInterval: settings.heartbeatInterval,
            maxWaitTimeInMs: settings.maxWaitTimeInMs,
            // kafkajs restarts a consumer that crashed on a retriable error: always after the first join, and
            // before it for START_RESTART_WINDOW_MS (a fresh cluster's coordinator is loading); a crash it will
            // not restart fails the start, or after the first join is handled below.
            retry: {
                ...this.options.client?.retry,
                restartOnFailure: async () => (0, consumer_restart_1.shouldRestartConsumer)({ joinedOnce: this.joinedOnce, closing: this.isClosing, startedAt, now: Date.now() }),
            },
        });
        this.consumer = consumer;
        this.fetchControl.use(consumer);
        this.coalescer.use(consumer);
        const joined = new Promise((resolve, reject) => {
            consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
                this.partitions.assign(payload.memberAssignment);
                this.joinedOnce = true;
                this.rejoining = false;
                this.brokerAnswered();
                resolve();
            });
            consumer.on(consumer.events.CRASH, ({ payload }) => {
                this.reportError(payload.error, `Kafka consumer crashed${payload.restart ? ', restarting' : ''}`);
                if (!payload.restart)
                    reject(payload.error);
                if (!this.joinedOnce || this.isClosing)
                    return;
                this.crashes++;
                if (this.liveness.markDown()) {
                    this.setStatus('disconnected');
                    this.events.emit('disconnected', payload.error);
                }
                this.setStatus('reconnecting');
                this.events.emit('reconnecting', this.crashes);
                if (!payload.restart)
                    void this.replaceConsumer(consumer);
            });
        });
        joined.catch(() => undefined); // awaited below; a crash after the first join must not be unhandled
        // kafkajs has no "partitions revoked" callback: it emits REBALANCING right before
        // it rejoins. Commit the settled prefix now; the commit is on the wire before the
        // JoinGroup, which first needs a FindCoordinator round trip.
        consumer.on(consumer.events.REBALANCING, () => {
            this.rejoining = true;
            void this.coalescer.flush().catch(() => undefined);
        });
        consumer.on(consumer.events.FETCH, () => this.brokerAnswered());
        await consumer.connect();
        this.throwIfClosing();
        await consumer.subscribe({ topics, fromBeginning: settings.fromBeginning });
        await consumer.run({ autoCommit: false, eachBatchAutoResolve: true, eachBatch: (payload) => this.onBatch(payload) });
        await this.unlessClosed(joined);
    }
    /** kafkajs gave up on `crashed`: a new consumer takes its place, retried with backoff until it joins or the server closes. */
    async replaceConsumer(crashed) {
        if (this.consumer !== crashed || this.isClosing)
            return;
        await crashed.disconnect().catch(() => undefined);
        const loop = (0, reconnect_1.reconnectLoop)(reconnect_1.DEFAULT_RECONNECT, {
            connect: async () => {
                if (this.consumer && this.consumer !== crashed)
                    await this.consumer.disconnect().catch(() => undefined);
                await this.runConsumer(this.subscribed);
            },
            isClosed: () => this.isClosing,
            onAttemptFailed: (error) => this.reportError((0, errors_1.asError)(error), 'Kafka consumer restart failed (retrying)'),
        });
        await loop.done;
    }
    async stopReceiving() {
        this.partitions.stopAll();
        if (this.consumer && this.subscribed.length > 0)
            this.consumer.pause(this.subscribed.map((topic) => ({ topic })));
    }
    async disconnect() {
        clearInterval(this.livenessTimer);
        try {
            await this.coalescer.flush();
        }
        catch {
            // reported by the coalescer; the uncommitted messages are delivered again
        }
        this.coalescer.stop();
        await this.closeClients();
    }
    /** Closes every client created so far, once. */
    async closeClients() {
        const { consumer, producer, admin } = this;
        this.consumer = this.producer = this.admin = undefined;
        this.fetchControl.use(undefined);
        this.coalescer.use(undefined);
        this.commands.use(undefined);
        this.replies.use(undefined);
        await consumer?.disconnect().catch((error) => this.reportError((0, errors_1.asError)(error), 'Kafka consumer disconnect'));
        await producer?.disconnect().catch((error) => this.reportError((0, errors_1.asError)(error), 'Kafka producer disconnect'));
        await admin?.disconnect().catch((error) => this.reportError((0, errors_1.asError)(error), 'Kafka admin disconnect'));
    }
    async onBatch({ batch, isStale }) {
        if (isStale() || this.isClosing)
            return;
        this.partitions.receive(batch.topic, batch.partition, batch.messages);
    }
}
exports.KafkaAckServer = KafkaAckServer;
//# sourceMappingURL=kafka-ack.server.js.map