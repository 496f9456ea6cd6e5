import type { LoggerService } from '@nestjs/common';
import { describeError, type DeadLetterRecord } from './dead-letter-record';
import { FailureClock } from './failure-clock';
import type { InboundMessage } from './inbound-message';
import { decideNack, type ResolvedRetry } from './retry';
import type { SettleOnce } from './settle-once';
import type { Settlement } from './settlement';
import type { SettlementEvent } from './settlement-event';

/** One delivery being processed: its settle-once state and retry rules. */
export interface Delivery<M extends InboundMessage> {
  message: M;
  pattern: string;
  state: SettleOnce;
  retry: ResolvedRetry;
  lastError?: unknown;
}

/** The broker commands a server subclass provides. */
export interface BrokerSettleCommands<M> {
  ack(message: M, beforeHandler: boolean): Promise<void>;
  nack(message: M, delayMs: number): Promise<void>;
  /** Dead-letters (or drops) and settles the source; throws, without settling, when the dead-letter publish failed. */
  reject(message: M, record: DeadLetterRecord): Promise<void>;
}

export interface SettlerHooks {
  logger: LoggerService;
  logSettlements: boolean;
  reportError(error: Error, what: string): void;
  settled(event: SettlementEvent): void;
}

/**
 * Turns decisions into broker commands, once per delivery: applies the retry
 * rules to nacks, builds dead-letter records, falls back to a nack when the
 * dead-letter publish fails, and reports each settlement.
 */
export class DeliverySettler<M extends InboundMessage> {
  private readonly failureClock = new FailureClock();

  constructor(
    private readonly broker: BrokerSettleCommands<M>,
    private readonly hooks: SettlerHooks,
  ) {}

  /**
   * Settles once: the first decision wins, later ones resolve `false` and never
   * reach the broker. Also `false` when the broker refused the command (its
   * channel or connection is gone): reported as an `error` event, and the
   * broker redelivers the message.
   */
  async settle(delivery: Delivery<M>, requested: Settlement): Promise<boolean> {
    if (!delivery.state.claim(requested)) return false;
    const { message } = delivery;
    if (requested.kind !== 'ack') this.failureClock.failed(message.key);
    let settlement = requested;
    if (requested.kind === 'nack') {
      const decision = decideNack(delivery.retry, message.deliveryCount, requested.delayMs);
      settlement = decision.kind === 'nack' ? decision : { kind: 'reject', reason: decision.reason, error: requested.error ?? delivery.lastError };
      delivery.state.record(settlement);
    }
    try {
      if (settlement.kind === 'ack') await this.broker.ack(message, settlement.beforeHandler === true);
      else if (settlement.kind === 'nack') await this.broker.nack(message, settlement.delayMs ?? 0);
      else await this.deadLetter(delivery, settlement);
    } catch (error) {
      // The decision stands (no second command for this delivery); the broker redelivers the message.
      this.hooks.reportError(error instanceof Error ? error : new Error(String(error)), `could not ${settlement.kind} message at ${JSON.stringify(message.source)}`);
      return false;
    }
    if (settlement.kind !== 'nack') this.failureClock.forget(message.key);
    this.afterSettle(delivery, settlement);
    return true;
  }

  private async deadLetter(delivery: Delivery<M>, settlement: Extract<Settlement, { kind: 'reject' }>): Promise<void> {
    const { message } = delivery;
    const firstFailureAt = this.failureClock.firstFailure(message.key);
    const record: DeadLetterRecord = {
      body: message.body,
      headers: message.headers,
      source: message.source,
      reason: settlement.reason,
      ...describeError(settlement.error),
      deliveryCount: message.deliveryCount,
      firstFailureAt,
      lastFailureAt: new Date(),
    };
    try {
      await this.broker.reject(message, record);
    } catch (error) {
      // Nothing is lost: the source stays with the broker and comes back.
      const { errorMessage } = describeError(error);
      this.hooks.logger.fatal?.(`dead-letter publish failed for ${JSON.stringify(message.source)} (${errorMessage}); nacking instead`);
      const delayMs = delivery.retry.backoff.initialDelayMs;
      await this.broker.nack(message, delayMs);
      delivery.state.record({ kind: 'nack', delayMs });
    }
  }

  private afterSettle(delivery: Delivery<M>, settlement: Settlement): void {
    const event = { pattern: delivery.pattern, source: delivery.message.source, deliveryCount: delivery.message.deliveryCount, settlement: delivery.state.settlement ?? settlement };
    if (this.hooks.logSettlements) {
      const { kind } = event.settlement;
      const detail = event.settlement.kind === 'reject' ? ` (${event.settlement.reason})` : event.settlement.kind === 'nack' ? ` (delay ${event.settlement.delayMs} ms)` : '';
      this.hooks.logger.log(`${kind}${detail} "${event.pattern}" delivery ${event.deliveryCount} at ${JSON.stringify(event.source)}`);
    }
    this.hooks.settled(event);
  }
}
