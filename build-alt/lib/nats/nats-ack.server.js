"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NatsAckServer = exports.NATS_TRANSPORT = void 0;
const jetstream_1 = require("@nats-io/jetstream");
const ack_server_1 = require("../core/ack-server");
const errors_1 = require("../core/errors");
const nats_commands_1 = require("./nats-commands");
const nats_connection_1 = require("./nats-connection");
const nats_context_1 = require("./nats-context");
const nats_health_1 = require("./nats-health");
const nats_message_1 = require("./nats-message");
const nats_settings_1 = require("./nats-settings");
const nats_topology_1 = require("./nats-topology");
const nats_version_1 = require("./nats-version");
const with_timeout_1 = require("../core/with-timeout");
/** Longest wait at close for the server to take the buffered settles. */
const FLUSH_TIMEOUT_MS = 5000;
/** Identifies this transport to Nest's processing hooks. */
exports.NATS_TRANSPORT = Symbol.for('nestjs-ack.nats');
/**
 * A NestJS microservice transport on NATS JetStream with the nestjs-ack
 * contract: durable pull consumers (the v3 `consume()` API), every delivery
 * settled exactly once by policy (ack / nak with a delay / dead-letter copy
 * then term), `working()` while a handler runs, replies to the caller's
 * subject, and the client's own reconnects reported as status events.
 *
 * @example
 * ```ts
 * const app = await NestFactory.createMicroservice(AppModule, {
 *   strategy: new NatsAckServer({ servers: process.env.NATS_URL, stream: 'ORDERS', ensureStream: true }),
 * });
 * ```
 */
class NatsAckServer extends ack_server_1.AckServer {
    /** The checked broker options. */
    brokerSettings;
    commands;
    contextType = nats_context_1.NatsAckContext;
    replies = { publishReply: async (_message, replyTo, packet) => this.publishReply(replyTo, packet) };
    link;
    connecting;
    manager;
    consumers = [];
    pumps = [];
    running = new Set();
    receiving = false;
    /** Pumps waiting for a free handler slot; woken one per finished handler, all when intake stops. */
    slotWaiters = [];
    plans = [];
    constructor(options) {
        super(options ?? {}, exports.NATS_TRANSPORT);
        this.brokerSettings = (0, nats_settings_1.resolveNatsSettings)(options, this.settings.concurrency);
        this.link = { features: (0, nats_version_1.featuresOf)(undefined) };
        this.commands = new nats_commands_1.NatsCommands(this.link, this.brokerSettings.deadLetter, this.brokerSettings.ackWaitMs);
    }
    /** The NATS connection (undefined before the start). */
    unwrap() {
        return this.link.connection;
    }
    /** The durable consumers this server pulls from, with their subjects (known once started). */
    get consumerPlans() {
        return this.plans;
    }
    /** Connected, consuming, and each durable consumer's `num_pending` (summed as `backlog`) and `num_ack_pending`. */
    probeHealth() {
        return (0, nats_health_1.probeNats)({
            stream: this.brokerSettings.stream,
            consumers: this.plans.map((plan) => plan.name),
            state: this.currentStatus,
            connection: this.link.connection,
            manager: this.manager,
            consuming: this.receiving && this.consumers.length > 0,
        });
    }
    async start() {
        const settings = this.brokerSettings;
        const subjects = settings.subjects ?? this.handlerSubjects();
        this.connecting = settings.connection ? Promise.resolve(settings.connection) : (0, nats_connection_1.connectNats)(settings.servers, settings.connectionOptions);
        const connection = await this.unlessClosed(this.connecting);
        this.link.connection = connection;
        this.link.features = (0, nats_version_1.featuresOf)(connection.info?.version);
        void (0, nats_connection_1.watchStatus)(connection, {
            disconnected: (server) => {
                if (this.isClosing)
                    return;
                this.logger.warn(`NATS connection to ${server} lost; reconnecting`);
                this.setStatus('disconnected');
                this.events.emit('disconnected');
            },
            reconnecting: (attempt) => {
                if (this.isClosing)
                    return;
                this.setStatus('reconnecting');
                this.events.emit('reconnecting', attempt);
            },
            reconnected: () => {
                if (this.isClosing)
                    return;
                this.link.features = (0, nats_version_1.featuresOf)(connection.info?.version);
                this.setStatus('connected');
                this.events.emit('connected');
            },
            error: (error) => this.reportError(error, 'NATS'),
            closed: () => {
                if (this.isClosing)
                    return;
                this.setStatus('disconnected');
                this.reportError(new Error('the NATS connection closed and will not reconnect'), 'NATS');
            },
        }).catch((error) => this.reportError((0, errors_1.asError)(error), 'NATS status'));
        const jsm = await this.unlessClosed((0, jetstream_1.jetstreamManager)(connection));
        this.manager = jsm;
        this.link.jetstream = (0, jetstream_1.jetstream)(connection);
        this.throwIfClosing();
        await this.unlessClosed((0, nats_topology_1.provisionStreams)(jsm, settings, subjects));
        this.plans = (0, nats_topology_1.planConsumers)(settings.consumer, subjects, this.link.features);
        await this.unlessClosed((0, nats_topology_1.provisionConsumers)(jsm, settings, this.plans, this.settings.retry.maxDeliveries));
        this.receiving = true;
        for (const plan of this.plans) {
            const consumer = await this.unlessClosed(this.link.jetstream.consumers.get(settings.stream, plan.name));
            const messages = await this.unlessClosed(consumer.consume({ max_messages: settings.batchSize }));
            this.consumers.push(messages);
            this.pumps.push(this.pump(messages, plan));
        }
    }
    async stopReceiving() {
        this.receiving = false;
        this.wakePumps();
        const consumers = this.consumers;
        this.consumers = [];
        await Promise.all(consumers.map((messages) => messages.close().catch(() => undefined)));
        await Promise.all(this.pumps);
    }
    async disconnect() {
        this.receiving = false;
        this.wakePumps();
        for (const messages of this.consumers.splice(0))
            await messages.close().catch(() => undefined);
        const connection = this.link.connection ?? (await this.connecting?.catch(() => undefined));
        if (!connection || connection.isClosed())
            return;
        // Acks, naks and terms are plain publishes: send what is buffered before closing (not waiting
        // forever when the server is away: unsent settles mean redeliveries, never losses).
        await (0, with_timeout_1.withTimeout)(connection.flush(), FLUSH_TIMEOUT_MS, `no answer within ${FLUSH_TIMEOUT_MS} ms`).catch(() => undefined);
        if (!this.brokerSettings.connection)
            await connection.close().catch(() => undefined);
    }
    /** Hands each delivery to the core, at most `concurrency` at once: the next is taken from the pull buffer only when a handler slot is free. */
    async pump(messages, plan) {
        void this.watchConsumer(messages, plan);
        try {
            for await (const raw of messages) {
                while (this.receiving && this.running.size >= this.settings.concurrency)
                    await new Promise((resolve) => this.slotWaiters.push(resolve));
                // Intake stopped: what was pulled but not started stays unsettled. A nak would not help: the
                // server may still hold this consumer's pull requests and redeliver to them, so it comes back after ack_wait.
                if (!this.receiving)
                    break;
                const run = this.handleMessage((0, nats_message_1.toNatsMessage)(raw)).finally(() => {
                    this.running.delete(run);
                    this.slotWaiters.shift()?.();
                });
                this.running.add(run);
            }
        }
        catch (error) {
            if (this.receiving)
                this.reportError((0, errors_1.asError)(error), `consuming "${this.brokerSettings.stream}/${plan.name}" stopped`);
        }
    }
    wakePumps() {
        for (const wake of this.slotWaiters.splice(0))
            wake();
    }
    async watchConsumer(messages, plan) {
        for await (const status of messages.status()) {
            if (!this.receiving)
                return;
            if (status.type === 'consumer_not_found' || status.type === 'consumer_deleted' || status.type === 'stream_not_found') {
                this.reportError(new Error(`${status.type.replace(/_/g, ' ')}: ${this.brokerSettings.stream}/${plan.name}`), 'JetStream');
            }
        }
    }
    handlerSubjects() {
        const patterns = [...this.messageHandlers.keys()];
        const bad = patterns.filter((pattern) => !(0, nats_settings_1.isSubject)(pattern));
        if (patterns.length === 0 || bad.length > 0) {
            throw new errors_1.InvalidOptionError('subjects', undefined, `the subjects to consume; the handler patterns (${patterns.map((p) => JSON.stringify(p)).join(', ') || 'none'}) are not all NATS subjects`);
        }
        return patterns;
    }
    async publishReply(replyTo, packet) {
        const connection = this.link.connection;
        if (!connection || connection.isClosed())
            throw new Error('the connection to NATS is closed');
        const { options: _options, ...body } = packet;
        connection.publish(replyTo, JSON.stringify(body));
    }
}
exports.NatsAckServer = NatsAckServer;
//# sourceMappingURL=nats-ack.server.js.map