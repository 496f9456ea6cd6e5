import type { LoggerService } from '@nestjs/common';
import type { BrokerCommands } from './broker-commands';
import { DeadLetterFailures } from './dead-letter-failures';
import { describeError, type DeadLetterRecord } from './dead-letter-record';
import type { Delivery } from './delivery';
import { asError, DeadLetterRefusedError } from './errors';
import { FailureClock } from './failure-clock';
import type { InboundMessage } from './inbound-message';
import { decideNack } from './retry';
import type { Settlement } from './settlement';
import type { SettlementEvent } from './settlement-event';

/** What the settler reports to its server. */
export interface SettlerReports {
  logger: LoggerService;
  logSettlements: boolean;
  /** Emits an `error` event; also logs it unless `log` is false (the caller logged already). */
  reportError(error: Error, what: string, log?: boolean): void;
  settled(event: SettlementEvent, delivery: Delivery<InboundMessage>): void;
}

/**
 * Turns decisions into broker commands, once per delivery: applies the retry
 * rules to nacks, builds dead-letter records, falls back to a growing nack
 * when the dead-letter target refuses, and reports each settlement.
 */
export class DeliverySettler<M extends InboundMessage> {
  private readonly failureClock = new FailureClock();
  readonly deadLetterFailures = new DeadLetterFailures();

  constructor(
    private readonly commands: BrokerCommands<M>,
    private readonly reports: SettlerReports,
  ) {}

  /**
   * Settles once: the first decision wins, later ones resolve `false` and never
   * reach the broker. Also `false` when the broker refused the command (its
   * channel or connection is gone): reported as an `error` event, and the
   * broker redelivers the message. `durable` asks for an ack recorded by the
   * broker before this resolves (`ACK_FIRST`).
   */
  settle(delivery: Delivery<M>, requested: Settlement, durable = false): Promise<boolean> {
    const settled = this.settleNow(delivery, requested, durable);
    return typeof settled === 'boolean' ? Promise.resolve(settled) : settled;
  }

  /**
   * `settle`, without a promise when the broker's ack completes at once (Kafka,
   * RabbitMQ, a non-durable JetStream ack): the success path of every delivery
   * goes through here, and a promise per message is a measurable share of it.
   */
  settleNow(delivery: Delivery<M>, requested: Settlement, durable = false): boolean | Promise<boolean> {
    const settlement = requested.kind === 'nack' ? this.applyRetryRules(delivery, requested) : requested;
    if (!delivery.state.claim(settlement)) return false;
    if (settlement.kind !== 'ack') return this.carryOut(delivery, settlement);
    let acked: Promise<void> | void;
    try {
      acked = this.commands.ack(delivery.message, { durable });
    } catch (error) {
      return this.refused(delivery, settlement, error);
    }
    if (acked === undefined) return this.acked(delivery);
    return acked.then(
      () => this.acked(delivery),
      (error) => this.refused(delivery, settlement, error),
    );
  }

  private async carryOut(delivery: Delivery<M>, settlement: Exclude<Settlement, { kind: 'ack' }>): Promise<boolean> {
    const { message } = delivery;
    this.failureClock.failed(message.key);
    try {
      if (settlement.kind === 'nack') await this.commands.nack(message, settlement.delayMs ?? 0);
      else await this.deadLetter(delivery, settlement);
    } catch (error) {
      return this.refused(delivery, settlement, error);
    }
    if (settlement.kind !== 'nack' && !this.failureClock.isEmpty) this.failureClock.forget(message.key);
    this.afterSettle(delivery);
    return true;
  }

  private acked(delivery: Delivery<M>): true {
    if (!this.failureClock.isEmpty) this.failureClock.forget(delivery.message.key);
    this.afterSettle(delivery);
    return true;
  }

  /** The decision stands (no second command for this delivery); the broker redelivers the message. */
  private refused(delivery: Delivery<M>, settlement: Settlement, error: unknown): false {
    this.reports.reportError(asError(error), `could not ${settlement.kind} message at ${JSON.stringify(delivery.message.source)}`);
    return false;
  }

  /** A nack past `maxDeliveries` becomes a reject; otherwise an explicit delay wins over the backoff. */
  private applyRetryRules(delivery: Delivery<M>, nack: Extract<Settlement, { kind: 'nack' }>): Settlement {
    const decision = decideNack(delivery.retry, delivery.message.deliveryCount, nack.delayMs);
    return decision.kind === 'nack' ? { ...nack, delayMs: decision.delayMs } : { kind: 'reject', reason: decision.reason, error: nack.error };
  }

  private async deadLetter(delivery: Delivery<M>, settlement: Extract<Settlement, { kind: 'reject' }>): Promise<void> {
    const { message } = delivery;
    const record: DeadLetterRecord = {
      body: message.body,
      headers: message.headers,
      source: message.source,
      reason: settlement.reason,
      ...describeError(settlement.error),
      deliveryCount: message.deliveryCount,
      firstFailureAt: this.failureClock.firstFailure(message.key),
      lastFailureAt: new Date(),
    };
    try {
      await this.commands.reject(message, record);
    } catch (error) {
      await this.onDeadLetterRefused(delivery, error);
      return;
    }
    this.deadLetterFailures.resolved(message.key);
  }

  /** Nothing is lost: the source is nacked with a growing delay and comes back until the target takes it. */
  private async onDeadLetterRefused(delivery: Delivery<M>, error: unknown): Promise<void> {
    const { message } = delivery;
    const { delayMs, log, suppressed } = this.deadLetterFailures.refused(message.key, delivery.retry);
    const refusal = new DeadLetterRefusedError(`the dead-letter target refused the message at ${JSON.stringify(message.source)}: ${describeError(error).errorMessage}; nacked, retried in ${delayMs} ms`, { cause: error });
    if (log) {
      const held = suppressed > 0 ? ` (${suppressed} more such failures since the last line)` : '';
      this.reports.logger.fatal?.(`${refusal.message}${held}`);
    }
    this.reports.reportError(refusal, 'dead-letter target refused', false);
    await this.commands.nack(message, delayMs);
    delivery.state.fellBackTo({ kind: 'nack', delayMs });
  }

  private afterSettle(delivery: Delivery<M>): void {
    const settlement = delivery.state.settlement!;
    const event: SettlementEvent = { pattern: delivery.pattern, source: delivery.message.source, deliveryCount: delivery.message.deliveryCount, settlement };
    if (this.reports.logSettlements) {
      const detail = settlement.kind === 'reject' ? ` (${settlement.reason})` : settlement.kind === 'nack' ? ` (delay ${settlement.delayMs} ms)` : '';
      this.reports.logger.log(`${settlement.kind}${detail} "${event.pattern}" delivery ${event.deliveryCount} at ${JSON.stringify(event.source)}`);
    }
    this.reports.settled(event, delivery);
  }
}
