import type { PoolClient } from 'pg';
import { AckContext } from '../core/ack-context';
import { DeliveryGoneError, InvalidStateError } from '../core/errors';
import type { PostgresMessage } from './postgres-message';

/** The context of `PostgresAckServer` handlers: the common one plus the row's facts and a transaction that settles with the handler's writes. */
export class PostgresAckContext extends AckContext<PostgresMessage> {
  /** The row's id (bigserial, as a string). */
  getId(): string {
    return this.getMessage().id;
  }

  /** The queue the row belongs to. */
  getQueue(): string {
    return this.getMessage().queue;
  }

  /** The row's `attempts` column: claims so far, this one included (the delivery count). */
  getAttempts(): number {
    return this.getMessage().attempts;
  }

  /** When the row was inserted (the publish's transaction time). */
  getCreatedAt(): Date {
    return this.getMessage().createdAt;
  }

  /**
   * Runs `work` in a transaction on the server's pool and acks the message in
   * that same transaction: the handler's writes and the COMPLETED row commit
   * together, or neither does (exactly-once for database side effects). The
   * row is locked `FOR UPDATE` first, so no other consumer can claim it while
   * `work` runs. When `work` throws, the transaction rolls back and the error
   * goes on to the policy (nack / reject) like any handler error. Throws
   * `DeliveryGoneError` when the row is no longer this delivery's (its lease
   * ran out and another consumer claimed it), and `InvalidStateError` when the
   * message was settled already or a transaction of it is running.
   */
  async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const message = this.getMessage();
    const { session } = message;
    if (session.transaction) throw new InvalidStateError('transaction() is already running for this message');
    if (this.isSettled()) throw new InvalidStateError(`row ${message.id} is settled already; transaction() must settle it`);
    const client = await session.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const locked = await client.query(session.sql.lockHeld, [message.id, message.attempts]);
      if (locked.rowCount === 0) throw new DeliveryGoneError(`row ${message.id} of queue "${message.queue}" is no longer held by this delivery (its lease ran out)`);
      session.transaction = client;
      const result = await work(client);
      if (!(await this.ack())) throw new InvalidStateError(`row ${message.id} could not be acked in the transaction (settled meanwhile, or the statement failed)`);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => (broken = true));
      throw error;
    } finally {
      session.transaction = undefined;
      client.release(broken);
    }
  }
}
