"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AckServer = void 0;
const rxjs_1 = require("rxjs");
const ack_context_1 = require("./ack-context");
const ack_module_presence_1 = require("./ack-module-presence");
const ack_control_exception_1 = require("./ack-control.exception");
const ack_server_settings_1 = require("./ack-server-settings");
const concurrency_limiter_1 = require("./concurrency-limiter");
const dead_letter_record_1 = require("./dead-letter-record");
const delivery_1 = require("./delivery");
const delivery_settler_1 = require("./delivery-settler");
const errors_1 = require("./errors");
const handler_outcome_1 = require("./handler-outcome");
const lease_keeper_1 = require("./lease-keeper");
const metadata_keys_1 = require("./metadata-keys");
const nest_compat_1 = require("./nest-compat");
const packet_decoder_1 = require("./packet-decoder");
const retry_1 = require("./retry");
const server_lifecycle_1 = require("./server-lifecycle");
const settle_once_1 = require("./settle-once");
const settlement_1 = require("./settlement");
const telemetry_hooks_1 = require("./telemetry-hooks");
/**
 * The base of every nestjs-ack server: everything one delivery goes through.
 * It decodes the body, finds the handler, resolves the policy, renews the
 * broker's lease while the handler runs, awaits the handler (events and
 * requests alike) inside Nest's processing hooks, sends the reply, and applies
 * the policy through the broker's `commands`, once.
 *
 * A broker subclass connects and receives (calling `handleMessage`), and gives
 * `commands` (its settle surface, in its own file), optionally `replies`,
 * `decodePacket` and `contextType`.
 */
class AckServer extends server_lifecycle_1.AckServerLifecycle {
    settings;
    /** Where replies go; transports without a reply channel leave it undefined and refuse `@MessagePattern` handlers. */
    replies;
    /** The wire format. @defaultValue JSON `{ pattern, data, id? }` in strict UTF-8 */
    decodePacket = packet_decoder_1.decodeJsonPacket;
    /** The class of the handlers' `@Ctx()`. */
    contextType = ack_context_1.AckContext;
    limiter;
    inFlight = new Map();
    handlerRetry = new WeakMap();
    /** Found handlers by pattern: Nest's lookup JSON-parses every pattern, which throws for plain strings. */
    handlersByPattern = new Map();
    warnedNoReplyAddress = new Set();
    settlerInstance;
    /** `rabbitmq`, `kafka`, ...: what telemetry observers are told. */
    transportName;
    /** Nest's own start hook (it only calls the work): while it is in place the hooks are skipped. */
    nestStartHook = (0, nest_compat_1.defaultStartHook)(this);
    constructor(options, transportId) {
        super(transportId);
        this.transportName = (0, telemetry_hooks_1.transportNameOf)(transportId);
        this.settings = (0, ack_server_settings_1.resolveServerSettings)(options);
        this.limiter = new concurrency_limiter_1.ConcurrencyLimiter(this.settings.concurrency);
        this.initializeSerializer(options);
        this.initializeDeserializer(options);
    }
    /** Sources whose dead-letter target currently refuses them (each retried with a growing delay). */
    get deadLetterFailures() {
        return this.settler.deadLetterFailures.count;
    }
    get shutdownTimeoutMs() {
        return this.settings.shutdownTimeoutMs;
    }
    checkBeforeStart() {
        if (!(0, ack_module_presence_1.isAckModuleActive)()) {
            this.logger.warn('AckModule is not imported: control exceptions and policies still settle every message, but dead letters ' +
                'show Nest\'s "Internal server error" instead of the handler\'s own error. Import AckModule.forRoot() in the application module.');
        }
        if (this.replies)
            return;
        const requests = [...this.messageHandlers.entries()].filter(([, handler]) => !handler.isEventHandler).map(([pattern]) => pattern);
        if (requests.length > 0) {
            throw new errors_1.RepliesNotSupportedError(`${this.constructor.name} has no reply channel, so it cannot serve @MessagePattern handlers (${requests.map((p) => JSON.stringify(p)).join(', ')}); use @EventPattern`);
        }
    }
    /**
     * Processes one delivery to the end: resolves when the handler finished and
     * the policy was applied. Never rejects. Waits for a concurrency slot first.
     */
    async handleMessage(message) {
        if (this.isClosing)
            return; // intake stopped: left unsettled, the broker redelivers it
        if (!this.limiter.tryAcquire()) {
            await this.limiter.acquire();
            if (this.isClosing) {
                // close() began while this delivery waited for a slot: not started, left unsettled for redelivery.
                this.limiter.release();
                return;
            }
        }
        const startedAt = Date.now();
        const state = new settle_once_1.SettleOnce();
        const observation = (0, telemetry_hooks_1.observeDelivery)(this.transportName, message);
        const processing = observation ? observation.run(() => this.process(message, state, observation)) : this.process(message, state);
        const run = processing.then(({ pattern, outcome }) => {
            const event = { pattern, source: message.source, deliveryCount: message.deliveryCount, outcome, durationMs: Date.now() - startedAt };
            observation?.finished(event);
            this.events.emit('handled', event);
        }, (error) => {
            observation?.finished(undefined);
            this.reportError((0, errors_1.asError)(error), 'unexpected processing failure');
        });
        this.inFlight.set(run, state);
        try {
            await run;
        }
        finally {
            this.inFlight.delete(run);
            this.limiter.release();
        }
    }
    async drain(timeoutMs) {
        const drained = await waitAll([...this.inFlight.keys()], timeoutMs);
        if (drained)
            return;
        this.logger.warn(`${this.inFlight.size} handler(s) still running after shutdownTimeoutMs=${timeoutMs}; left unsettled for redelivery`);
        for (const state of this.inFlight.values())
            state.abandon();
    }
    /** `getHandlerByPattern`, cached: use it on hot paths. */
    findHandler(pattern) {
        const known = this.handlersByPattern.get(pattern);
        if (known)
            return known;
        const handler = this.getHandlerByPattern(pattern);
        // Only hits are kept, and only so many: patterns come from clients.
        if (handler && this.handlersByPattern.size < 1000)
            this.handlersByPattern.set(pattern, handler);
        return handler;
    }
    get settler() {
        return (this.settlerInstance ??= new delivery_settler_1.DeliverySettler(this.commands, {
            logger: this.logger,
            logSettlements: this.settings.logSettlements,
            reportError: (error, what, log) => this.reportError(error, what, log),
            settled: (event, delivery) => {
                delivery.observation?.settled(event);
                this.events.emit('settled', event);
            },
        }));
    }
    async process(message, state, observation) {
        let packet;
        try {
            if (message.body.length > this.settings.maxBodyBytes)
                throw new Error(`the body of ${message.body.length} bytes is over maxBodyBytes=${this.settings.maxBodyBytes}`);
            const decoded = this.decodePacket(message, this.deserializer);
            packet = decoded instanceof Promise ? await decoded : decoded;
        }
        catch (error) {
            const delivery = new delivery_1.Delivery(message, message.pattern ?? '', this.settings.retry, state, observation);
            await this.settler.settle(delivery, { kind: 'reject', reason: settlement_1.RejectReason.DESERIALIZATION, error });
            return { pattern: delivery.pattern, outcome: 'refused' };
        }
        const pattern = (0, nest_compat_1.patternAsString)(packet.pattern);
        const handler = this.findHandler(pattern);
        const extras = handler?.extras?.[metadata_keys_1.ACK_EXTRAS_KEY] ?? {};
        const delivery = new delivery_1.Delivery(message, pattern, handler ? this.retryFor(handler, extras) : this.settings.retry, state, observation);
        const replyTo = this.replyAddress(message, packet, handler);
        if (!handler) {
            const error = new Error(`no handler for pattern "${pattern}"`);
            if (replyTo !== undefined)
                await this.replyError(delivery, replyTo, packet.id, { status: 'error', message: error.message });
            await this.settler.settle(delivery, { kind: 'reject', reason: settlement_1.RejectReason.NO_HANDLER, error });
            return { pattern, outcome: 'refused' };
        }
        const policy = extras.method ?? extras.controller ?? this.settings.defaultPolicy;
        const context = new this.contextType(message, pattern, delivery.state, (settlement) => this.settler.settle(delivery, settlement));
        const outcome = await this.withProcessingHooks(context, () => this.runHandler(delivery, handler, policy, context, packet, replyTo));
        return { pattern, outcome };
    }
    async runHandler(delivery, handler, policy, context, packet, replyTo) {
        if (policy === 'ACK_FIRST')
            await this.settler.settle(delivery, { kind: 'ack' }, true);
        const { commands } = this;
        // The lease lasts until the policy step is done: an error reply or a dead-letter publish that takes
        // long must not let the broker hand the message to another consumer meanwhile.
        const stopLease = commands.extendLease && commands.leaseRenewalMs
            ? (0, lease_keeper_1.keepLease)(commands.leaseRenewalMs, () => commands.extendLease(delivery.message), (error) => this.reportError((0, errors_1.asError)(error), 'could not extend the lease of a running handler'), () => delivery.state.isSettled)
            : undefined;
        try {
            try {
                const result = await handler(packet.data, context);
                // Most handlers return a plain value (or a Promise of one): no need for an Observable per message.
                const values = (0, rxjs_1.isObservable)(result) ? await (0, rxjs_1.lastValueFrom)(result.pipe((0, rxjs_1.toArray)())) : [result];
                if (replyTo !== undefined)
                    await this.replyValues(delivery, replyTo, packet.id, values);
            }
            catch (failure) {
                await this.onHandlerFailure(delivery, policy, context, failure, replyTo === undefined ? undefined : { replyTo, id: packet.id });
                return 'failed';
            }
            const onSuccess = (0, handler_outcome_1.settlementOnSuccess)(policy);
            if (onSuccess)
                await this.settler.settle(delivery, onSuccess);
            return 'completed';
        }
        finally {
            stopLease?.();
        }
    }
    async onHandlerFailure(delivery, policy, context, failure, request) {
        const command = (0, ack_control_exception_1.controlCommandOf)(failure);
        if (request) {
            await this.replyError(delivery, request.replyTo, request.id, command ? { status: 'error', message: (0, dead_letter_record_1.describeError)(failure).errorMessage } : failure);
        }
        const where = `${policy} handler for "${delivery.pattern}" at ${JSON.stringify(delivery.message.source)}`;
        if (command) {
            if (policy === 'ACK_FIRST') {
                this.logger.warn(`${where} settled by a control exception (${command.kind}), but ACK_FIRST acked the message already`);
                return;
            }
            await this.settler.settle(delivery, command);
            return;
        }
        const error = (0, handler_outcome_1.originalError)(failure, context.thrownError);
        delivery.observation?.failed(error);
        // One log line per failure: Nest's default filter logged it already (with its stack) unless a filter took it.
        if (!(0, handler_outcome_1.loggedByNestFilter)(failure, context.thrownError)) {
            const { errorName, errorMessage } = (0, dead_letter_record_1.describeError)(error);
            this.logger.error(`${where} failed: ${errorName}: ${errorMessage}`, error instanceof Error ? error.stack : undefined);
        }
        const onFailure = (0, handler_outcome_1.settlementOnFailure)(policy, error);
        if (onFailure)
            await this.settler.settle(delivery, onFailure);
    }
    /**
     * Runs `work` between Nest's processing start and end hooks (Nest >= 11), so
     * tracing built on them sees every delivery; the end hook runs once the
     * policy was applied.
     */
    async withProcessingHooks(context, work) {
        const hooks = (0, nest_compat_1.processingHooks)(this, this.nestStartHook);
        if (!hooks)
            return work();
        let running;
        const done = () => (running ??= work().finally(() => hooks.end(context)));
        try {
            await hooks.start(context, done);
        }
        catch (error) {
            this.reportError((0, errors_1.asError)(error), 'a processing start hook failed');
        }
        return running ?? done();
    }
    /** Where a request's reply goes; undefined for events. A request without a reply address is handled as an event, with one warning per pattern. */
    replyAddress(message, packet, handler) {
        if (packet.id === undefined || packet.id === null || handler?.isEventHandler)
            return undefined;
        if (message.replyTo !== undefined && this.replies)
            return message.replyTo;
        const pattern = (0, nest_compat_1.patternAsString)(packet.pattern);
        if (handler && !this.warnedNoReplyAddress.has(pattern) && this.warnedNoReplyAddress.size < 1000) {
            this.warnedNoReplyAddress.add(pattern);
            this.logger.warn(`a request for "${pattern}" came without a reply address; handled, no reply sent`);
        }
        return undefined;
    }
    retryFor(handler, extras) {
        if (!extras.retry)
            return this.settings.retry;
        let retry = this.handlerRetry.get(handler);
        if (!retry) {
            retry = (0, retry_1.resolveRetry)('@AckPolicy() retry', this.settings.retry, extras.retry);
            this.handlerRetry.set(handler, retry);
        }
        return retry;
    }
    async replyValues(delivery, replyTo, id, values) {
        if (values.length === 0)
            values = [undefined];
        for (let i = 0; i < values.length; i++) {
            const packet = this.serializer.serialize({ id, response: values[i], isDisposed: i === values.length - 1 });
            await this.replies.publishReply(delivery.message, replyTo, packet);
        }
    }
    /** Error replies are best effort: the settlement does not depend on them. */
    async replyError(delivery, replyTo, id, err) {
        try {
            await this.replies.publishReply(delivery.message, replyTo, this.serializer.serialize({ id, err, isDisposed: true }));
        }
        catch (error) {
            this.logger.error(`could not send the error reply for "${delivery.pattern}": ${(0, dead_letter_record_1.describeError)(error).errorMessage}`);
        }
    }
}
exports.AckServer = AckServer;
async function waitAll(runs, timeoutMs) {
    let timer;
    const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
        return await Promise.race([Promise.all(runs).then(() => true), timeout]);
    }
    finally {
        clearTimeout(timer);
    }
}
//# sourceMappingURL=ack-server.js.map