"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InMemoryAckServer = exports.IN_MEMORY_TRANSPORT = void 0;
const ack_server_1 = require("../core/ack-server");
const errors_1 = require("../core/errors");
const in_memory_commands_1 = require("./in-memory-commands");
const in_memory_message_1 = require("./in-memory-message");
/** Identifies this transport to Nest's processing hooks. */
exports.IN_MEMORY_TRANSPORT = Symbol.for('nestjs-ack.in-memory');
/**
 * The nestjs-ack contract without a broker, for unit tests: publish with
 * `InMemoryAckClient`, then read `broker.state(queue)` to assert acked,
 * nacked with a delay, rejected with a reason, or dead-lettered.
 */
class InMemoryAckServer extends ack_server_1.AckServer {
    broker;
    queue;
    commands;
    replies = {
        publishReply: async (message, replyTo, packet) => this.broker.reply(replyTo, Buffer.from(JSON.stringify(packet)), message.correlationId),
    };
    consumerId;
    constructor(options) {
        super(options, exports.IN_MEMORY_TRANSPORT);
        if (!options?.broker)
            throw new errors_1.InvalidOptionError('broker', options?.broker, 'an InMemoryBroker');
        if (options.leaseMs !== undefined && !(Number.isFinite(options.leaseMs) && options.leaseMs > 0))
            throw new errors_1.InvalidOptionError('leaseMs', options.leaseMs, 'a number > 0');
        this.broker = options.broker;
        this.queue = options.queue ?? 'default';
        this.broker.setLease(this.queue, options.leaseMs);
        this.commands = new in_memory_commands_1.InMemoryCommands(this.broker, this.queue, options.deadLetter ?? true, options.leaseMs);
    }
    unwrap() {
        return this.broker;
    }
    /** Consuming while started; `backlog` is the queue's ready messages. Always connected: there is no broker to lose. */
    async probeHealth() {
        const ready = this.broker.state(this.queue).ready;
        return { transport: 'in-memory', state: this.currentStatus, connected: true, consuming: this.consumerId !== undefined, backlog: ready, details: { queue: this.queue, ready } };
    }
    async start() {
        this.consumerId = this.broker.consume(this.queue, (stored) => void this.handleMessage((0, in_memory_message_1.toInMemoryMessage)(stored, this.queue)));
    }
    async stopReceiving() {
        if (this.consumerId !== undefined)
            this.broker.cancel(this.queue, this.consumerId);
    }
    async disconnect() {
        if (this.consumerId !== undefined)
            this.broker.disconnect(this.queue, this.consumerId);
        this.consumerId = undefined;
    }
}
exports.InMemoryAckServer = InMemoryAckServer;
//# sourceMappingURL=in-memory-ack.server.js.map