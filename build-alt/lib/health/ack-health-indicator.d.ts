import type { BrokerHealth } from '../core/broker-health';
import type { AckServerStatus } from '../core/settlement-event';
/** How one check judges a server. */
export interface AckHealthCheckOptions {
    /**
     * Longest wait for the broker's answer, in ms; past it the check reports
     * `down` (`error: "no answer from the broker within ... ms"`), so a dead or
     * hung broker never makes the health endpoint hang.
     * @defaultValue 2000
     */
    timeoutMs?: number;
    /**
     * Down when `backlog` (messages waiting: queue depth, lag, pending) is above
     * this. A backlog the broker cannot tell never fails the check.
     * @defaultValue undefined (no limit)
     */
    maxBacklog?: number;
    /**
     * Down when the server is connected but its consumer is not receiving
     * (cancelled, crashed, intake stopped). Set false for a server that only
     * serves clients (no handlers).
     * @defaultValue true
     */
    requireConsuming?: boolean;
}
/** Every nestjs-ack server: `RabbitAckServer`, `KafkaAckServer`, `NatsAckServer`, `RedisAckServer`, `PostgresAckServer`, `InMemoryAckServer`. */
export interface AckHealthTarget {
    readonly currentStatus: AckServerStatus;
    probeHealth(): Promise<BrokerHealth>;
}
/** What a check reports under its key: terminus's `HealthIndicatorResult` entry. */
export type AckHealthDetails = {
    status: 'up' | 'down';
    transport?: string;
    /** The server's lifecycle status. */
    state: AckServerStatus;
    connected: boolean;
    consuming?: boolean;
    backlog?: number;
    /** Why it is down, when the broker did not answer or failed the probe (never a URL or a message body). */
    error?: string;
    [detail: string]: unknown;
};
/** Terminus's `HealthIndicatorResult` shape, one key. */
export type AckHealthResult<Key extends string = string> = Record<Key, AckHealthDetails>;
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
export declare class AckHealthIndicator {
    /** A probe on the wire per server: checks that come together (liveness and readiness) share it while it is younger than their timeout. */
    private readonly inFlight;
    /**
     * Checks `server` and reports under `key`. Resolves with the `up` result;
     * a `down` one is returned (terminus >= 11) or thrown as terminus's
     * `HealthCheckError` (terminus 10), as the installed terminus expects.
     */
    check<Key extends string>(key: Key, server: AckHealthTarget, options?: AckHealthCheckOptions): Promise<AckHealthResult<Key>>;
    private probe;
}
