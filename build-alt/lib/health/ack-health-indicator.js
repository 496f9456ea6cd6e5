"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AckHealthIndicator = void 0;
const common_1 = require("@nestjs/common");
const with_timeout_1 = require("../core/with-timeout");
const terminus_compat_1 = require("./terminus-compat");
const DEFAULT_TIMEOUT_MS = 2000;
const MAX_ERROR_LENGTH = 200;
/**
 * A `@nestjs/terminus` health indicator for every nestjs-ack server: up when
 * the server is connected (the broker answered the probe within `timeoutMs`)
 * and its consumer is receiving; the details carry the backlog the broker
 * reports (RabbitMQ queue depth, Kafka consumer lag, JetStream pending,
 * Redis Streams lag and pending, PostgreSQL claimable rows). Works with
 * terminus 10, 11 and 12 without importing it.
 *
 * @example
 * ```ts
 * @Controller('health')
 * class HealthController {
 *   constructor(private readonly health: HealthCheckService, private readonly ack: AckHealthIndicator) {}
 *   @Get() @HealthCheck()
 *   check() {
 *     return this.health.check([() => this.ack.check('orders-queue', ordersServer)]);
 *   }
 * }
 * // module: imports: [TerminusModule], providers: [AckHealthIndicator]
 * ```
 */
let AckHealthIndicator = class AckHealthIndicator {
    /** A probe on the wire per server: checks that come together (liveness and readiness) share it while it is younger than their timeout. */
    inFlight = new WeakMap();
    /**
     * Checks `server` and reports under `key`. Resolves with the `up` result;
     * a `down` one is returned (terminus >= 11) or thrown as terminus's
     * `HealthCheckError` (terminus 10), as the installed terminus expects.
     */
    async check(key, server, options = {}) {
        const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        let details;
        try {
            const health = await (0, with_timeout_1.withTimeout)(this.probe(server, timeoutMs), timeoutMs, `no answer from the broker within ${timeoutMs} ms`);
            details = judge(health, options);
        }
        catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            details = { status: 'down', state: server.currentStatus, connected: false, error: withoutCredentials(message).slice(0, MAX_ERROR_LENGTH) };
        }
        const result = { [key]: details };
        return details.status === 'up' ? result : (0, terminus_compat_1.reportDown)(result, `${key} is down`);
    }
    probe(server, timeoutMs) {
        const running = this.inFlight.get(server);
        if (running && Date.now() - running.startedAt < timeoutMs)
            return running.probe;
        const entry = { startedAt: Date.now(), probe: server.probeHealth() };
        this.inFlight.set(server, entry);
        // A probe outliving its timeout settles later: nobody waits for it any more.
        entry.probe.catch(() => undefined).finally(() => {
            if (this.inFlight.get(server) === entry)
                this.inFlight.delete(server);
        });
        return entry.probe;
    }
};
exports.AckHealthIndicator = AckHealthIndicator;
exports.AckHealthIndicator = AckHealthIndicator = __decorate([
    (0, common_1.Injectable)()
], AckHealthIndicator);
function judge(health, options) {
    const { transport, state, connected, consuming, backlog, details } = health;
    const reasons = [];
    if (!connected)
        reasons.push(`not connected (${state})`);
    else if (!consuming && options.requireConsuming !== false)
        reasons.push('the consumer is not receiving');
    if (options.maxBacklog !== undefined && backlog !== undefined && backlog > options.maxBacklog)
        reasons.push(`backlog ${backlog} is above maxBacklog ${options.maxBacklog}`);
    const status = reasons.length === 0 ? 'up' : 'down';
    return { status, transport, state, connected, consuming, backlog, ...details, ...(reasons.length > 0 ? { error: reasons.join('; ') } : {}) };
}
/** Health endpoints are often public: a URL's user and password in a driver's error message never reach them. */
function withoutCredentials(message) {
    return message.replace(/\/\/[^\s/@]*@/g, '//');
}
//# sourceMappingURL=ack-health-indicator.js.map