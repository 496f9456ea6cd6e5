"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AckServerLifecycle = void 0;
const node_events_1 = require("node:events");
const microservices_1 = require("@nestjs/microservices");
const errors_1 = require("./errors");
const nest_compat_1 = require("./nest-compat");
/**
 * Start and close of every nestjs-ack server, with the rule that a `close()`
 * during `listen()` cancels the start: `listen()` rejects with
 * `ClosedDuringStartError`, the start stops at its next step, and `close()`
 * resolves only once everything the start opened is closed again.
 */
class AckServerLifecycle extends microservices_1.Server {
    /** This transport awaits event handlers itself, so Nest must not report their errors twice (Nest >= 12 reads it; see nest-compat.ts). */
    propagatesEventHandlerErrors = true;
    events = new node_events_1.EventEmitter();
    closeRequested = new AbortController();
    starting;
    closing;
    lastStatus = 'closed';
    constructor(transportId) {
        super();
        (0, nest_compat_1.setTransportId)(this, transportId);
        // An 'error' event without listeners would throw; errors are logged instead.
        this.events.on('error', () => undefined);
    }
    listen(callback) {
        this.starting = this.startUnlessClosed();
        this.starting.then(() => callback(), (error) => callback(error));
    }
    /** Stops intake, lets in-flight handlers finish within `shutdownTimeoutMs`, settles them, closes. */
    close() {
        this.closing ??= this.closeAfterStart();
        return this.closing;
    }
    on(event, callback) {
        this.events.on(event, callback);
        return this;
    }
    unwrap() {
        throw new Error('nestjs-ack: this server has no single underlying client; see the broker server\'s own accessors');
    }
    /** The last lifecycle status, also on Nest 10 (which has no `status` stream). `closed` before `listen()`. */
    get currentStatus() {
        return this.lastStatus;
    }
    /**
     * Asks the broker whether this server is connected and consuming, and how many messages wait
     * for it. No time limit of its own: a broker that does not answer leaves it pending, so callers
     * bound it (the health indicator of `nestjs-ack/health` does). Each transport overrides it; this
     * default reads only the lifecycle status.
     */
    async probeHealth() {
        const up = this.lastStatus === 'connected';
        return { transport: 'unknown', state: this.lastStatus, connected: up, consuming: up };
    }
    /** Whether `close()` was called. */
    get isClosing() {
        return this.closing !== undefined;
    }
    /** Aborted when `close()` is called: pass it to waits of the start. */
    get closeSignal() {
        return this.closeRequested.signal;
    }
    /** Resolves with `promise`, or rejects with `ClosedDuringStartError` as soon as `close()` is called. */
    unlessClosed(promise) {
        const signal = this.closeRequested.signal;
        if (signal.aborted)
            return Promise.reject(new errors_1.ClosedDuringStartError());
        return new Promise((resolve, reject) => {
            const onClose = () => reject(new errors_1.ClosedDuringStartError());
            signal.addEventListener('abort', onClose, { once: true });
            promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onClose));
        });
    }
    /** Throws `ClosedDuringStartError` when `close()` was called: a start checks it after each step. */
    throwIfClosing() {
        if (this.closeRequested.signal.aborted)
            throw new errors_1.ClosedDuringStartError();
    }
    setStatus(status) {
        this.lastStatus = status;
        (0, nest_compat_1.emitStatus)(this, status);
    }
    /** Reports a broker error without stopping the server: an `error` event, and a log line unless `log` is false. */
    reportError(error, what, log = true) {
        if (log)
            this.logger.error(`${what}: ${error.message}`);
        this.events.emit('error', error);
    }
    async startUnlessClosed() {
        this.setStatus('connecting');
        try {
            this.checkBeforeStart();
            await this.start();
            this.throwIfClosing();
        }
        catch (error) {
            // Nothing of a failed or cancelled start stays open.
            await this.disconnect().catch((e) => this.reportError((0, errors_1.asError)(e), 'could not close after a failed start'));
            throw this.isClosing ? new errors_1.ClosedDuringStartError() : error;
        }
        this.setStatus('connected');
    }
    async closeAfterStart() {
        this.closeRequested.abort();
        this.setStatus('closing');
        if (this.starting) {
            const started = await this.starting.then(() => true, () => false);
            if (!started) {
                this.setStatus('closed');
                return; // the failed start closed what it had opened
            }
        }
        await this.stopReceiving().catch((error) => this.reportError((0, errors_1.asError)(error), 'could not stop receiving'));
        await this.drain(this.shutdownTimeoutMs);
        await this.disconnect();
        this.setStatus('closed');
    }
}
exports.AckServerLifecycle = AckServerLifecycle;
//# sourceMappingURL=server-lifecycle.js.map