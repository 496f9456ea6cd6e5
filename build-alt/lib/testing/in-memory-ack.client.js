"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InMemoryAckClient = void 0;
const node_crypto_1 = require("node:crypto");
const microservices_1 = require("@nestjs/microservices");
const pending_requests_1 = require("../core/pending-requests");
const telemetry_hooks_1 = require("../core/telemetry-hooks");
/** Publishes to an `InMemoryBroker` queue: `emit()` for events, `send()` for requests. */
class InMemoryAckClient extends microservices_1.ClientProxy {
    broker;
    queue;
    replyTo = `reply.${(0, node_crypto_1.randomUUID)()}`;
    pending = new pending_requests_1.PendingRequests();
    constructor(options) {
        super();
        this.broker = options.broker;
        this.queue = options.queue ?? 'default';
        this.initializeSerializer({});
        this.initializeDeserializer({});
        this.broker.listenForReplies(this.replyTo, (body) => this.onReply(body));
    }
    async connect() { }
    close() {
        this.broker.stopListeningForReplies(this.replyTo);
    }
    unwrap() {
        return this.broker;
    }
    /** Publishes a raw body (for testing undecodable input); returns the broker's message id. */
    publishRaw(body, headers = {}) {
        return this.broker.publish(this.queue, body, { headers });
    }
    /** Publishes an event and returns its broker message id (for `broker.historyOf`). */
    emitAndGetId(pattern, data) {
        const packet = this.serializer.serialize({ pattern, data });
        return this.broker.publish(this.queue, Buffer.from(JSON.stringify(packet)));
    }
    publish(partial, callback) {
        const packet = this.assignPacketId(partial);
        const unsubscribe = this.pending.add(packet.id, callback);
        const body = Buffer.from(JSON.stringify(this.serializer.serialize(packet)));
        this.publishObserved(packet, body, { replyTo: this.replyTo, correlationId: packet.id }).catch((err) => this.pending.fail(packet.id, err));
        return unsubscribe;
    }
    async dispatchEvent(packet) {
        await this.publishObserved(packet, Buffer.from(JSON.stringify(this.serializer.serialize(packet))), {});
        return undefined;
    }
    /** Publishes with the trace context headers of a telemetry observer, when one is set. */
    publishObserved(packet, body, options) {
        const info = { transport: 'in-memory', destination: this.queue, pattern: this.normalizePattern(packet.pattern), request: options.replyTo !== undefined };
        return (0, telemetry_hooks_1.observePublish)(info, async (headers) => this.broker.publish(this.queue, body, { ...options, headers }));
    }
    onReply(body) {
        const packet = JSON.parse(body.toString('utf8'));
        this.pending.deliver(packet.id, packet);
    }
}
exports.InMemoryAckClient = InMemoryAckClient;
//# sourceMappingURL=in-memory-ack.client.js.map