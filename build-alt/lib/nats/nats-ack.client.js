"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NatsAckClient = void 0;
const node_crypto_1 = require("node:crypto");
const jetstream_1 = require("@nats-io/jetstream");
const transport_node_1 = require("@nats-io/transport-node");
const microservices_1 = require("@nestjs/microservices");
const errors_1 = require("../core/errors");
const option_checks_1 = require("../core/option-checks");
const nats_connection_1 = require("./nats-connection");
const nats_headers_1 = require("./nats-headers");
const nats_settings_1 = require("./nats-settings");
const pending_requests_1 = require("../core/pending-requests");
const telemetry_hooks_1 = require("../core/telemetry-hooks");
/** Longest wait for one publish acknowledgement before the same message is sent again. */
const ATTEMPT_TIMEOUT_MS = 2000;
const RETRY_PAUSE_MS = 100;
/**
 * Publishes to a `NatsAckServer` through JetStream: `emit()` resolves once the
 * stream stored the message (its PubAck); `send()` also carries the caller's
 * reply subject in the `nestjs-ack-reply-to` header (the publish's own reply
 * subject gets JetStream's PubAck) and waits for the reply there. Wire format
 * is Nest's: body `{ pattern, data, id }`.
 */
class NatsAckClient extends microservices_1.ClientProxy {
    options;
    servers;
    publishTimeoutMs;
    pending = new pending_requests_1.PendingRequests();
    connection;
    js;
    inbox;
    replies;
    connecting;
    constructor(options = {}) {
        super();
        this.options = options;
        this.servers = options.connection ? [] : (0, option_checks_1.assertAddressList)(options.servers ?? nats_settings_1.DEFAULT_NATS_SERVERS, 'servers', /^((nats|tls|ws|wss):\/\/)?[^\s/]+$/, 'a nats:// URL or host:port, or a non-empty array of them');
        this.publishTimeoutMs = options.publishTimeoutMs ?? 10_000;
        (0, option_checks_1.assertNumber)(this.publishTimeoutMs, 'publishTimeoutMs', 1);
        if (options.subject !== undefined && (!(0, nats_settings_1.isSubject)(options.subject) || /[*>]/.test(options.subject))) {
            throw new errors_1.InvalidOptionError('subject', options.subject, 'a NATS subject without wildcards');
        }
        this.initializeSerializer(options);
        this.initializeDeserializer(options);
    }
    connect() {
        this.connecting ??= this.open().catch((error) => {
            this.connecting = undefined;
            throw error;
        });
        return this.connecting;
    }
    async close() {
        const connection = this.connection;
        this.connection = undefined;
        this.js = undefined;
        this.connecting = undefined;
        this.pending.failAll('Connection closed');
        this.replies?.unsubscribe();
        this.replies = undefined;
        if (connection && !this.options.connection)
            await connection.close().catch(() => undefined);
    }
    /** The NATS connection (undefined before `connect()`). */
    unwrap() {
        return this.connection;
    }
    publish(partial, callback) {
        const packet = this.assignPacketId(partial);
        const unsubscribe = this.pending.add(packet.id, callback);
        this.publishStored(packet, true).catch((err) => this.pending.fail(packet.id, err));
        return unsubscribe;
    }
    async dispatchEvent(packet) {
        await this.publishStored(packet, false);
        return undefined;
    }
    async open() {
        const connection = this.options.connection ?? (await (0, nats_connection_1.connectNats)(this.servers, this.options.connectionOptions ?? {}));
        this.connection = connection;
        this.js = (0, jetstream_1.jetstream)(connection, { timeout: this.publishTimeoutMs });
        this.inbox = (0, transport_node_1.createInbox)();
        this.replies = connection.subscribe(this.inbox, { callback: (error, message) => {
                if (!error)
                    void this.onReply(message);
            } });
        // The reply subscription must be known to the server before a request's handler can answer it.
        await connection.flush();
    }
    /**
     * Publishes to the stream and waits for its acknowledgement. While the
     * connection is down or no stream answers, it tries again until
     * `publishTimeoutMs`; every attempt carries the same `Nats-Msg-Id`, so the
     * stream stores the message once (within its duplicate window).
     */
    publishStored(packet, request) {
        const subject = this.options.subject ?? this.normalizePattern(packet.pattern);
        return (0, telemetry_hooks_1.observePublish)({ transport: 'nats', destination: subject, pattern: this.normalizePattern(packet.pattern), request }, (trace) => this.publishToStream(packet, subject, request, trace));
    }
    async publishToStream(packet, subject, request, trace) {
        const deadline = Date.now() + this.publishTimeoutMs;
        await this.connect();
        const { options, ...serialized } = this.serializer.serialize(packet);
        const headers = (0, nats_headers_1.toNatsHeaders)({ ...this.options.headers, ...options?.headers, ...trace });
        if (request)
            headers.set(nats_headers_1.REPLY_TO_HEADER, this.inbox);
        const body = JSON.stringify(serialized);
        const msgID = (0, node_crypto_1.randomUUID)();
        for (;;) {
            const js = this.js;
            if (!js)
                throw new Error('nestjs-ack: the client was closed');
            const remaining = deadline - Date.now();
            try {
                await js.publish(subject, body, { headers, msgID, timeout: Math.max(1, Math.min(remaining, ATTEMPT_TIMEOUT_MS)) });
                return;
            }
            catch (error) {
                // The stream refused it (too large, wrong subject...): trying again changes nothing.
                if (error instanceof jetstream_1.JetStreamApiError && error.status !== 503)
                    throw error;
                if (Date.now() + RETRY_PAUSE_MS >= deadline)
                    throw error;
                await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
            }
        }
    }
    async onReply(message) {
        const { id, err, response, isDisposed } = await this.deserializer.deserialize((0, pending_requests_1.parseReplyBody)(message.string()));
        if (id !== undefined)
            this.pending.deliver(String(id), { err, response, isDisposed });
    }
}
exports.NatsAckClient = NatsAckClient;
//# sourceMappingURL=nats-ack.client.js.map