"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RabbitConnection = exports.CONNECT_TIMEOUT_MS = void 0;
const node_events_1 = require("node:events");
const amqplib_1 = require("amqplib");
const errors_1 = require("../core/errors");
const reconnect_1 = require("../core/reconnect");
const redact_url_1 = require("../core/redact-url");
const with_timeout_1 = require("../core/with-timeout");
/** Longest a connection attempt (socket, AMQP handshake, then the set-up) may take before it counts as failed. */
exports.CONNECT_TIMEOUT_MS = 10_000;
const CLOSE_TIMEOUT_MS = 2_000;
/** Drops a connection without the AMQP close handshake. */
function destroySocket(model) {
    model.connection?.stream?.destroy?.();
}
/**
 * One AMQP connection that comes back by itself. Events: `connected`,
 * `disconnected` (error), `reconnecting` (attempt), `failed` (error, when
 * `maxAttempts` ran out). `close()` ends it for good.
 */
class RabbitConnection extends node_events_1.EventEmitter {
    options;
    model;
    closed = false;
    wake;
    readyWaiters = [];
    constructor(options) {
        super();
        this.options = options;
        this.on('error', () => undefined);
    }
    /** The live connection, if any. */
    get current() {
        return this.model;
    }
    get isClosed() {
        return this.closed;
    }
    /** First connect: tries each URL once; throws (without credentials) when none works. */
    async open() {
        await this.connectOnce();
        this.emit('connected');
    }
    /** Resolves once connected (now or after a reconnect); rejects after `timeoutMs` or when closed. */
    async whenConnected(timeoutMs) {
        if (this.model)
            return this.model;
        if (this.closed)
            throw new Error('nestjs-ack: the RabbitMQ connection is closed');
        let timer;
        let waiter;
        try {
            await new Promise((resolve, reject) => {
                waiter = resolve;
                this.readyWaiters.push(resolve);
                timer = setTimeout(() => reject(new Error(`nestjs-ack: not connected to RabbitMQ within ${timeoutMs} ms`)), timeoutMs);
            });
        }
        finally {
            clearTimeout(timer);
            this.readyWaiters = this.readyWaiters.filter((w) => w !== waiter);
        }
        if (!this.model)
            throw new Error('nestjs-ack: the RabbitMQ connection is closed');
        return this.model;
    }
    /** Drops the current connection (a channel broke or the consumer was cancelled); the reconnect loop takes over. */
    recycle(reason) {
        const model = this.model;
        if (!model || this.closed)
            return;
        this.emit('error', new Error(`nestjs-ack: reconnecting to RabbitMQ: ${reason}`));
        model.close().catch(() => undefined);
    }
    /** Closes for good: no reconnect afterwards. */
    async close() {
        this.closed = true;
        this.wake?.();
        const model = this.model;
        this.model = undefined;
        for (const waiter of this.readyWaiters.splice(0))
            waiter();
        if (model) {
            await model.close().catch(() => undefined);
            this.options.teardown();
        }
    }
    async connectOnce() {
        const failures = [];
        for (const url of this.options.urls) {
            let model;
            try {
                // A node still booting may accept the socket and never answer: without a bound the attempt, and
                // with it every reconnect, would wait forever. amqplib's timeout is socket inactivity until the
                // connection is open; the set-up (declarations, consume) gets the same bound.
                model = await (0, amqplib_1.connect)(url, { timeout: exports.CONNECT_TIMEOUT_MS });
                model.on('error', () => undefined); // followed by 'close', handled there
                if (this.closed)
                    throw new Error('closed while connecting');
                await (0, with_timeout_1.withTimeout)(this.options.setup(model), exports.CONNECT_TIMEOUT_MS, `set-up not done within ${exports.CONNECT_TIMEOUT_MS} ms`);
                if (this.closed)
                    throw new Error('closed while connecting');
            }
            catch (error) {
                // The broker may never answer the close of a connection it did not answer: bounded, then dropped.
                const opened = model;
                if (opened)
                    await (0, with_timeout_1.withTimeout)(opened.close(), CLOSE_TIMEOUT_MS, 'close').catch(() => destroySocket(opened));
                failures.push(`${(0, redact_url_1.redactUrl)(url)}: ${(0, errors_1.asError)(error).message}`);
                continue;
            }
            this.model = model;
            model.once('close', (error) => this.onLost(model, error));
            for (const waiter of this.readyWaiters.splice(0))
                waiter();
            return;
        }
        throw new Error(`nestjs-ack: could not connect to RabbitMQ (${failures.join('; ')})`);
    }
    onLost(model, error) {
        if (this.model !== model)
            return;
        this.model = undefined;
        this.options.teardown(error);
        if (this.closed)
            return;
        this.emit('disconnected', error);
        void this.reconnectLoop();
    }
    async reconnectLoop() {
        const { reconnect } = this.options;
        const loop = (0, reconnect_1.reconnectLoop)(reconnect, {
            connect: () => this.connectOnce(),
            isClosed: () => this.closed,
            onAttempt: (attempt) => this.emit('reconnecting', attempt),
            onAttemptFailed: (error) => this.emit('error', (0, errors_1.asError)(error)),
        });
        this.wake = loop.wake;
        const connected = await loop.done;
        this.wake = undefined;
        if (connected && this.closed) {
            await this.model?.close().catch(() => undefined);
            return;
        }
        if (connected)
            this.emit('connected');
        else if (!this.closed)
            this.emit('failed', new Error(`nestjs-ack: gave up reconnecting to RabbitMQ after ${reconnect.maxAttempts} attempts`));
    }
}
exports.RabbitConnection = RabbitConnection;
//# sourceMappingURL=rabbit-connection.js.map