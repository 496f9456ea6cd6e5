"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RabbitAckClient = void 0;
const node_crypto_1 = require("node:crypto");
const microservices_1 = require("@nestjs/microservices");
const rabbit_connection_1 = require("./rabbit-connection");
const rabbit_publisher_1 = require("./rabbit-publisher");
const errors_1 = require("../core/errors");
const nest_compat_1 = require("../core/nest-compat");
const reconnect_1 = require("../core/reconnect");
const rabbit_url_1 = require("./rabbit-url");
const pending_requests_1 = require("../core/pending-requests");
const telemetry_hooks_1 = require("../core/telemetry-hooks");
const with_timeout_1 = require("../core/with-timeout");
const DIRECT_REPLY_TO = 'amq.rabbitmq.reply-to';
/**
 * Publishes to a `RabbitAckServer` (or Nest's own `ServerRMQ`): `emit()`
 * resolves once the broker confirmed the message, retrying across a
 * reconnect; `send()` waits for the reply on direct reply-to. Wire format is
 * Nest's: body `{ pattern, data, id }`, `replyTo` and `correlationId`.
 */
class RabbitAckClient extends microservices_1.ClientProxy {
    options;
    urls;
    reconnectOptions;
    publishTimeoutMs;
    replyQueue;
    pending = new pending_requests_1.PendingRequests();
    connection;
    connecting;
    publisher;
    constructor(options) {
        super();
        this.options = options;
        if (!options || (typeof options.queue !== 'string' && typeof options.exchange !== 'string')) {
            throw new Error('nestjs-ack: RabbitAckClient needs the option queue (or exchange): where to publish');
        }
        this.urls = (0, rabbit_url_1.resolveUrls)(options.urls);
        this.reconnectOptions = (0, reconnect_1.resolveReconnect)(options.reconnect);
        this.publishTimeoutMs = options.publishTimeoutMs ?? 30_000;
        if (!(this.publishTimeoutMs > 0))
            throw new Error(`nestjs-ack: invalid publishTimeoutMs ${JSON.stringify(options.publishTimeoutMs)}; allowed: a number > 0`);
        this.replyQueue = options.replyQueue ?? DIRECT_REPLY_TO;
        this.initializeSerializer(options);
        this.initializeDeserializer(options);
    }
    connect() {
        this.connecting ??= this.open().catch((error) => {
            this.connecting = undefined;
            this.connection = undefined;
            throw error;
        });
        return this.connecting;
    }
    async close() {
        const connection = this.connection;
        this.connection = undefined;
        this.connecting = undefined;
        this.pending.failAll('Connection closed');
        await connection?.close();
    }
    /** The live amqplib connection (undefined while disconnected). */
    unwrap() {
        return this.connection?.current;
    }
    publish(partial, callback) {
        const packet = this.assignPacketId(partial);
        const unsubscribe = this.pending.add(packet.id, callback);
        const { body, options } = this.encode(packet);
        // A request is published once: its reply is bound to the channel it went out on.
        this.publishConfirmed(packet, body, { ...options, replyTo: this.replyQueue, correlationId: packet.id }, false).catch((err) => {
            this.pending.fail(packet.id, err);
        });
        return unsubscribe;
    }
    async dispatchEvent(packet) {
        const { body, options } = this.encode(packet);
        await this.publishConfirmed(packet, body, options, true);
        return undefined;
    }
    async open() {
        const connection = new rabbit_connection_1.RabbitConnection({
            urls: this.urls,
            reconnect: this.reconnectOptions,
            setup: (model) => this.setup(model),
            teardown: () => this.teardown(),
        });
        connection.on('connected', () => (0, nest_compat_1.emitStatus)(this, 'connected'));
        connection.on('disconnected', () => (0, nest_compat_1.emitStatus)(this, 'disconnected'));
        connection.on('reconnecting', () => (0, nest_compat_1.emitStatus)(this, 'reconnecting'));
        this.connection = connection;
        await connection.open();
    }
    async setup(model) {
        const channel = await model.createConfirmChannel();
        channel.on('error', () => undefined); // followed by 'close'
        const publisher = new rabbit_publisher_1.ConfirmPublisher(channel);
        channel.once('close', () => {
            if (this.publisher !== publisher)
                return;
            this.teardown();
            // When the whole connection is going, its 'close' follows; only a lone channel loss needs a recycle.
            setImmediate(() => {
                if (this.connection?.current === model)
                    this.connection.recycle('the client channel closed');
            });
        });
        // Direct reply-to: consumed without acks, on the channel that publishes the requests.
        await channel.consume(this.replyQueue, (message) => message && this.onReply(message), { noAck: this.replyQueue === DIRECT_REPLY_TO });
        this.publisher = publisher;
    }
    teardown() {
        this.publisher = undefined;
        if (this.replyQueue === DIRECT_REPLY_TO)
            this.pending.failAll('Connection lost before the reply arrived');
    }
    encode(packet) {
        const { options, ...serialized } = this.serializer.serialize(packet);
        const headers = { ...this.options.headers, ...options?.headers };
        return {
            body: Buffer.from(JSON.stringify(serialized)),
            options: { persistent: this.options.persistent ?? true, messageId: (0, node_crypto_1.randomUUID)(), ...options, headers },
        };
    }
    /** Publishes and waits for the confirm; events retry across reconnects until `publishTimeoutMs`. */
    publishConfirmed(packet, body, options, retry) {
        const exchange = this.options.exchange ?? '';
        const routingKey = this.options.exchange ? (this.options.routingKey ?? this.normalizePattern(packet.pattern)) : this.options.queue;
        const info = { transport: 'rabbitmq', destination: exchange || routingKey, pattern: this.normalizePattern(packet.pattern), request: options.replyTo !== undefined };
        return (0, telemetry_hooks_1.observePublish)(info, (trace) => this.publishUntilConfirmed(exchange, routingKey, body, trace ? { ...options, headers: { ...options.headers, ...trace } } : options, retry));
    }
    async publishUntilConfirmed(exchange, routingKey, body, options, retry) {
        const deadline = Date.now() + this.publishTimeoutMs;
        for (;;) {
            await this.connect();
            const remaining = deadline - Date.now();
            if (remaining <= 0 || !this.connection)
                throw new Error(`nestjs-ack: could not publish within publishTimeoutMs=${this.publishTimeoutMs}`);
            await this.connection.whenConnected(remaining);
            const publisher = this.publisher;
            try {
                if (!publisher?.isOpen)
                    throw new Error('the publish channel is not open yet');
                const confirmWithin = Math.max(0, deadline - Date.now());
                await (0, with_timeout_1.withTimeout)(publisher.publish(exchange, routingKey, body, { ...options, mandatory: true }), confirmWithin, `no confirm within ${confirmWithin} ms`);
                return;
            }
            catch (error) {
                const unroutable = error instanceof errors_1.UnroutableMessageError;
                if (!retry || unroutable || Date.now() >= deadline || !this.connection)
                    throw error;
                await new Promise((resolve) => setTimeout(resolve, 50));
            }
        }
    }
    async onReply(message) {
        const id = message.properties.correlationId;
        if (id === undefined || !this.pending.has(String(id)))
            return;
        const { err, response, isDisposed } = await this.deserializer.deserialize((0, pending_requests_1.parseReplyBody)(message.content));
        this.pending.deliver(String(id), { err, response, isDisposed });
    }
}
exports.RabbitAckClient = RabbitAckClient;
//# sourceMappingURL=rabbit-ack.client.js.map