"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RabbitAckServer = exports.RABBITMQ_TRANSPORT = void 0;
const ack_server_1 = require("../core/ack-server");
const errors_1 = require("../core/errors");
const rabbit_connection_1 = require("./rabbit-connection");
const rabbit_context_1 = require("./rabbit-context");
const rabbit_delayed_nacks_1 = require("./rabbit-delayed-nacks");
const rabbit_health_1 = require("./rabbit-health");
const rabbit_message_1 = require("./rabbit-message");
const rabbit_publisher_1 = require("./rabbit-publisher");
const rabbit_settings_1 = require("./rabbit-settings");
const rabbit_commands_1 = require("./rabbit-commands");
const rabbit_topology_1 = require("./rabbit-topology");
/** Identifies this transport to Nest's processing hooks. */
exports.RABBITMQ_TRANSPORT = Symbol.for('nestjs-ack.rabbitmq');
/**
 * A NestJS microservice transport on RabbitMQ with the nestjs-ack contract:
 * every delivery is settled exactly once by policy (ack / nack with retry
 * rules / reject to the dead-letter queue), replies go to `replyTo`, and the
 * connection comes back by itself.
 *
 * @example
 * ```ts
 * const app = await NestFactory.createMicroservice(AppModule, {
 *   strategy: new RabbitAckServer({ urls: process.env.RABBITMQ_URL, queue: 'orders' }),
 * });
 * ```
 */
class RabbitAckServer extends ack_server_1.AckServer {
    /** The checked broker options. */
    brokerSettings;
    commands;
    contextType = rabbit_context_1.RabbitAckContext;
    replies = { publishReply: (message, replyTo, packet) => this.publishReply(message, replyTo, packet) };
    connection;
    session;
    receiving = false;
    delayedNacks = new rabbit_delayed_nacks_1.DelayedNacks((error) => this.reportError((0, errors_1.asError)(error), 'delayed nack failed'));
    health = new rabbit_health_1.RabbitHealthProbe();
    constructor(options) {
        super(options ?? {}, exports.RABBITMQ_TRANSPORT);
        this.brokerSettings = (0, rabbit_settings_1.resolveRabbitSettings)(options, this.settings.concurrency);
        this.commands = new rabbit_commands_1.RabbitCommands(this.brokerSettings, this.delayedNacks, () => this.isClosing);
    }
    /** The live amqplib connection (undefined while disconnected). */
    unwrap() {
        return this.connection?.current;
    }
    /** Connected, consuming, and the queue's ready messages (`backlog`) from a passive declare. */
    probeHealth() {
        const session = this.session;
        return this.health.probe({
            queue: this.brokerSettings.queue,
            state: this.currentStatus,
            model: this.connection?.current,
            consuming: this.receiving && session?.open === true && session.consumerTag !== undefined,
        });
    }
    async start() {
        this.receiving = true;
        const connection = new rabbit_connection_1.RabbitConnection({
            urls: this.brokerSettings.urls,
            reconnect: this.brokerSettings.reconnect,
            setup: (model) => this.setupSession(model),
            teardown: () => this.teardownSession(),
        });
        connection.on('connected', () => {
            this.setStatus('connected');
            this.events.emit('connected');
        });
        connection.on('disconnected', (error) => {
            this.logger.warn(`RabbitMQ connection lost${error ? `: ${error.message}` : ''}; reconnecting`);
            this.setStatus('disconnected');
            this.events.emit('disconnected', error);
        });
        connection.on('reconnecting', (attempt) => {
            this.setStatus('reconnecting');
            this.events.emit('reconnecting', attempt);
        });
        connection.on('error', (error) => this.reportError(error, 'RabbitMQ'));
        connection.on('failed', (error) => {
            this.setStatus('disconnected');
            this.reportError(error, 'RabbitMQ');
        });
        this.connection = connection;
        // A close() during start ends the connection attempt at once.
        const onClose = () => void connection.close();
        this.closeSignal.addEventListener('abort', onClose, { once: true });
        try {
            await connection.open();
        }
        finally {
            this.closeSignal.removeEventListener('abort', onClose);
        }
    }
    async stopReceiving() {
        this.receiving = false;
        const session = this.session;
        if (session?.open && session.consumerTag) {
            await session.consumer.cancel(session.consumerTag).catch(() => undefined);
        }
    }
    async disconnect() {
        // Messages waiting for a delayed nack go back now, so other consumers get them without waiting.
        await this.delayedNacks.flush();
        // Channels first, each with its own close handshake: amqplib may write `connection.close` ahead
        // of frames still queued on a channel, and the broker drops those. The acks of handlers that
        // finished during a graceful close were lost so (redelivered: duplicates after SIGTERM).
        const session = this.session;
        if (session?.open) {
            this.closeSession(session); // not open any more: its 'close' events must not recycle the connection
            await session.consumer.close().catch(() => undefined);
            await session.publisher.channel.close().catch(() => undefined);
        }
        await this.connection?.close();
    }
    async publishReply(message, replyTo, packet) {
        const { options, ...body } = packet;
        const publisher = this.session?.open ? this.session.publisher : message.session.publisher;
        // Not mandatory: a caller that went away must not turn a processed message into a failure.
        await publisher.publish('', replyTo, Buffer.from(JSON.stringify(body)), {
            ...options,
            correlationId: message.correlationId ?? packet.id,
        });
    }
    async setupSession(model) {
        await (0, rabbit_topology_1.declareTopology)(model, this.brokerSettings);
        const consumer = await model.createChannel();
        const session = { consumer, open: true };
        // A channel closed while its connection lives (a 406, a deleted queue): start over on a new connection.
        const onChannelLost = () => {
            const wasOpen = session.open;
            this.closeSession(session);
            // When the whole connection is going, its 'close' follows; only a lone channel loss needs a recycle.
            setImmediate(() => {
                if (wasOpen && this.connection?.current === model)
                    this.connection.recycle('a channel closed');
            });
        };
        const openPublishChannel = async () => {
            const channel = await model.createConfirmChannel();
            channel.on('error', (error) => this.reportError(error, 'RabbitMQ channel error'));
            return channel;
        };
        session.publisher = new rabbit_publisher_1.ConfirmPublisher(await openPublishChannel(), { open: openPublishChannel, onLost: onChannelLost });
        consumer.on('error', (error) => this.reportError(error, 'RabbitMQ channel error'));
        consumer.once('close', onChannelLost);
        this.session = session;
        if (!this.receiving)
            return;
        await consumer.prefetch(this.brokerSettings.prefetch, false);
        const { consumerTag } = await consumer.consume(this.brokerSettings.queue, (raw) => this.onDelivery(session, raw), { noAck: false });
        session.consumerTag = consumerTag;
    }
    onDelivery(session, raw) {
        if (raw === null) {
            // The broker cancelled the consumer (queue deleted, leader moved): reconnect and consume again.
            if (this.receiving)
                this.connection?.recycle(`the broker cancelled the consumer of "${this.brokerSettings.queue}"`);
            return;
        }
        if (!this.receiving)
            return; // intake stopped: left unacked, requeued when the channel closes
        void this.handleMessage((0, rabbit_message_1.toRabbitMessage)(raw, session, this.brokerSettings.queue));
    }
    teardownSession() {
        if (this.session)
            this.closeSession(this.session);
        this.session = undefined;
    }
    /** Its delivery tags are void from now on; its delayed nacks were requeued by the broker. */
    closeSession(session) {
        session.open = false;
        this.delayedNacks.dropSession(session);
    }
}
exports.RabbitAckServer = RabbitAckServer;
//# sourceMappingURL=rabbit-ack.server.js.map