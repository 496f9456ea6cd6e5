import type { Pool } from 'pg';
import type { AckOptions, BrokerCommands } from '../core/broker-commands';
import type { DeadLetterRecord } from '../core/dead-letter-record';
import { DeliveryGoneError } from '../core/errors';
import type { PostgresMessage } from './postgres-message';
import type { PostgresServerSettings } from './postgres-settings';
import type { PostgresSql } from './postgres-sql';

/**
 * ack / nack / reject / lease as row updates. Each statement only applies
 * while the row is still held by the delivery's claim (same `attempts`, still
 * PROCESSING); otherwise its lease ran out and another consumer may hold it:
 * `DeliveryGoneError`. Each statement commits on its own, so `durable` holds.
 */
export class PostgresCommands implements BrokerCommands<PostgresMessage> {
  readonly leaseRenewalMs: number;

  constructor(
    private readonly pool: () => Pool,
    private readonly sql: PostgresSql,
    private readonly settings: PostgresServerSettings,
    /** Called after a nack with its delay: the consumer wakes up when the row is due. */
    private readonly onRetry: (delayMs: number) => void,
  ) {
    this.leaseRenewalMs = settings.leaseRenewalMs;
  }

  async ack(message: PostgresMessage, _options: AckOptions): Promise<void> {
    await this.held(message, this.settings.deleteOnAck ? this.sql.delete : this.sql.complete, []);
  }

  async nack(message: PostgresMessage, delayMs: number): Promise<void> {
    await this.held(message, this.sql.retry, [Math.max(0, Math.round(delayMs))]);
    this.onRetry(delayMs);
  }

  /** FAILED with the record's fields is this transport's dead letter; a failed update throws and the row stays unsettled. */
  async reject(message: PostgresMessage, record: DeadLetterRecord): Promise<void> {
    if (!this.settings.deadLetter) {
      await this.held(message, this.sql.delete, []);
      return;
    }
    await this.held(message, this.sql.fail, [record.reason, record.errorName ?? null, record.errorMessage ?? null, record.firstFailureAt, record.lastFailureAt]);
  }

  async extendLease(message: PostgresMessage): Promise<void> {
    // Inside the handler's transaction the row is locked FOR UPDATE: no other consumer can claim it,
    // and an update from another connection would only wait for that lock.
    if (message.session.transaction) return;
    await this.held(message, this.sql.extendLease, [this.settings.leaseMs]);
  }

  /** Runs on the handler's open transaction when there is one (the settlement commits with its writes), else on the pool. */
  private async held(message: PostgresMessage, statement: string, values: unknown[]): Promise<void> {
    const db = message.session.transaction ?? this.pool();
    const result = await db.query(statement, [message.id, message.attempts, ...values]);
    if (result.rowCount === 0) {
      throw new DeliveryGoneError(`row ${message.id} of queue "${message.queue}" is no longer held by this delivery (its lease ran out)`);
    }
  }
}
