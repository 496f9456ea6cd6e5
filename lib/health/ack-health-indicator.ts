import { Injectable } from '@nestjs/common';
import type { BrokerHealth } from '../core/broker-health';
import type { AckServerStatus } from '../core/settlement-event';
import { withTimeout } from '../core/with-timeout';
import { reportDown } from './terminus-compat';

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
@Injectable()
export class AckHealthIndicator {
  /** A probe on the wire per server: checks that come together (liveness and readiness) share it while it is younger than their timeout. */
  private readonly inFlight = new WeakMap<AckHealthTarget, { startedAt: number; probe: Promise<BrokerHealth> }>();

  /**
   * Checks `server` and reports under `key`. Resolves with the `up` result;
   * a `down` one is returned (terminus >= 11) or thrown as terminus's
   * `HealthCheckError` (terminus 10), as the installed terminus expects.
   */
  async check<Key extends string>(key: Key, server: AckHealthTarget, options: AckHealthCheckOptions = {}): Promise<AckHealthResult<Key>> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let details: AckHealthDetails;
    try {
      const health = await withTimeout(this.probe(server, timeoutMs), timeoutMs, `no answer from the broker within ${timeoutMs} ms`);
      details = judge(health, options);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      details = { status: 'down', state: server.currentStatus, connected: false, error: withoutCredentials(message).slice(0, MAX_ERROR_LENGTH) };
    }
    const result = { [key]: details } as AckHealthResult<Key>;
    return details.status === 'up' ? result : reportDown(result, `${key} is down`);
  }

  private probe(server: AckHealthTarget, timeoutMs: number): Promise<BrokerHealth> {
    const running = this.inFlight.get(server);
    if (running && Date.now() - running.startedAt < timeoutMs) return running.probe;
    const entry = { startedAt: Date.now(), probe: server.probeHealth() };
    this.inFlight.set(server, entry);
    // A probe outliving its timeout settles later: nobody waits for it any more.
    entry.probe.catch(() => undefined).finally(() => {
      if (this.inFlight.get(server) === entry) this.inFlight.delete(server);
    });
    return entry.probe;
  }
}

function judge(health: BrokerHealth, options: AckHealthCheckOptions): AckHealthDetails {
  const { transport, state, connected, consuming, backlog, details } = health;
  const reasons: string[] = [];
  if (!connected) reasons.push(`not connected (${state})`);
  else if (!consuming && options.requireConsuming !== false) reasons.push('the consumer is not receiving');
  if (options.maxBacklog !== undefined && backlog !== undefined && backlog > options.maxBacklog) reasons.push(`backlog ${backlog} is above maxBacklog ${options.maxBacklog}`);
  const status = reasons.length === 0 ? 'up' : 'down';
  return { status, transport, state, connected, consuming, backlog, ...details, ...(reasons.length > 0 ? { error: reasons.join('; ') } : {}) };
}

/** Health endpoints are often public: a URL's user and password in a driver's error message never reach them. */
function withoutCredentials(message: string): string {
  return message.replace(/\/\/[^\s/@]*@/g, '//');
}
