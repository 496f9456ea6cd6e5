import { DeliveryGoneError } from '../core/errors';
import { RejectReason } from '../core/settlement';
import { withTimeout } from '../core/with-timeout';
import { republishCounted, type RabbitCommands } from './rabbit-commands';
import type { RabbitDelayedNacks } from './rabbit-delayed-nacks';
import type { RabbitMessage } from './rabbit-message';
import type { RabbitServerSettings } from './rabbit-settings';

/** Wait before a dead-letter publish the target refused is tried again (the message stays unacked meanwhile). */
const DEAD_LETTER_RETRY_MS = 1000;

/** What `CrashRecovery` works with. */
export interface CrashRecoveryDeps {
  settings: RabbitServerSettings;
  commands: RabbitCommands;
  delayedNacks: RabbitDelayedNacks;
  /** A warning log line. */
  warn(text: string): void;
  /** The largest `maxDeliveries` of the server and its handlers: past it a returned delivery is not handled again. */
  limit(): number;
  /**
   * Whether a dead letter of this server is being refused right now. A quorum queue marks a nack's
   * requeue `redelivered` too, and the base server nacks a message whose dead letter was refused
   * (past `maxDeliveries` on purpose, running its handler again until the target accepts).
   */
  deadLettersRefused(): boolean;
  /** Runs a delivery through the base server as usual. */
  handle(message: RabbitMessage): void;
  reportError(error: unknown, what: string): void;
}

/**
 * Deliveries RabbitMQ marks `redelivered` came back because the channel they
 * were on closed while they were unacked: most often their process died (a
 * crash, a kill, out of memory) while a handler ran or while they waited in
 * the prefetch buffer. Such a return counts as a delivery, so a message whose
 * handler kills the process ends in the dead-letter queue instead of looping:
 *
 * - past `limit()` (quorum and classic), it is dead-lettered with reason
 *   `max-deliveries` before any handler runs again; on a quorum queue not
 *   while a dead letter is being refused (see `deadLettersRefused`);
 * - on a classic queue, which counts nothing itself, it is first republished
 *   with its count (confirmed) and the original acked; the copy, at the
 *   queue's tail, is what a handler then gets. This reorders such messages
 *   behind the queue's backlog.
 */
export class CrashRecovery {
  private readonly running = new Set<Promise<void>>();
  /** Deliveries that came while recoveries ran: handled once those are done (bounded by the prefetch). */
  private held: RabbitMessage[] = [];

  constructor(private readonly deps: CrashRecoveryDeps) {}

  /** Whether it took the delivery (then the caller does nothing more with it). */
  takes(message: RabbitMessage): boolean {
    if (message.raw.fields.redelivered) {
      const limit = this.deps.limit();
      const classic = this.deps.settings.queueType === 'classic';
      // A classic queue's nacks come back as fresh copies, never `redelivered`: only a closed channel returns one.
      if (message.deliveryCount > limit && (classic || !this.deps.deadLettersRefused())) this.track(this.deadLetter(message, limit));
      else if (classic) this.track(this.requeueCounted(message));
      else return this.hold(message);
      return true;
    }
    return this.hold(message);
  }

  /** Waits (at most `timeoutMs`) for republishes and dead-letter publishes under way, before the channels close. */
  async settle(timeoutMs: number): Promise<void> {
    if (this.running.size === 0) return;
    await withTimeout(Promise.allSettled([...this.running]), timeoutMs, 'crash recovery').catch(() => undefined);
  }

  /**
   * While a recovery runs, other deliveries wait: a republished copy may
   * arrive before the broker has the original's ack, and a handler that
   * kills the process then would leave both copies behind (and double them
   * at every crash).
   */
  private hold(message: RabbitMessage): boolean {
    if (this.running.size === 0) return false;
    this.held.push(message);
    return true;
  }

  private track(work: Promise<void>): void {
    this.running.add(work);
    void work.finally(() => {
      this.running.delete(work);
      if (this.running.size > 0) return;
      const held = this.held;
      this.held = [];
      // A closed channel's deliveries went back to the queue with it.
      for (const message of held) if (message.session.open) this.deps.handle(message);
    });
  }

  /** Deliveries so far: this one came back without an answer, and was the `deliveryCount - 1`th handed out. */
  private async requeueCounted(message: RabbitMessage): Promise<void> {
    const { session, raw } = message;
    try {
      await republishCounted(message, this.deps.settings.queue, message.deliveryCount - 1);
    } catch (error) {
      if (!session.open) return; // the broker has it back already
      // Never lost and never stuck: handled in place, with its count (a later crash may then go uncounted).
      this.deps.reportError(error, `could not republish a redelivered message with its delivery count at ${JSON.stringify(message.source)}; handling it in place`);
      this.deps.handle(message);
      return;
    }
    if (!session.open) return; // a duplicate: the copy and the requeued original (at least once)
    session.consumer.ack(raw);
    // `basic.ack` has no answer; a round trip on the same channel (the broker takes its frames in order)
    // tells that the ack arrived before any handler runs the copy.
    await session.consumer.checkQueue(this.deps.settings.queue).catch(() => undefined);
  }

  private async deadLetter(message: RabbitMessage, limit: number): Promise<void> {
    const delivered = message.deliveryCount - 1;
    const now = new Date();
    this.deps.warn(`a message at ${JSON.stringify(message.source)} came back after its channel closed, ${delivered} deliveries so far (past maxDeliveries=${limit}): dead-lettered (max-deliveries) before a handler ran again`);
    try {
      await this.deps.commands.reject(message, {
        body: message.body,
        headers: message.headers,
        source: message.source,
        reason: RejectReason.MAX_DELIVERIES,
        errorName: 'Error',
        errorMessage: `delivered ${delivered} times, the last delivery lost with its channel (did its consumer process end?); past maxDeliveries=${limit}`,
        deliveryCount: delivered,
        firstFailureAt: now,
        lastFailureAt: now,
      });
    } catch (error) {
      if (error instanceof DeliveryGoneError || !message.session.open) return;
      // Unacked until then, so nothing is lost; it comes back redelivered and is tried again.
      this.deps.reportError(error, `the dead-letter target refused a message at ${JSON.stringify(message.source)}; requeued in ${DEAD_LETTER_RETRY_MS} ms`);
      this.deps.delayedNacks.schedule(message, DEAD_LETTER_RETRY_MS, async () => {
        if (message.session.open) message.session.consumer.nack(message.raw, false, true);
      });
    }
  }
}
