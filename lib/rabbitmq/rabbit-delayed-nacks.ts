import type { RabbitMessage, RabbitSession } from './rabbit-message';

interface Pending {
  timer: NodeJS.Timeout;
  requeue: () => Promise<void>;
}

/**
 * Nacks with a delay. The message stays unacked on its channel until the
 * delay ends, then goes back to the queue: it holds one prefetch slot but no
 * concurrency slot, and if the process dies meanwhile the broker redelivers
 * it (unacked messages return when the channel closes). Nothing is stored
 * outside the broker.
 */
export class RabbitDelayedNacks {
  private readonly pending = new Map<RabbitMessage, Pending>();

  constructor(private readonly onError: (error: unknown) => void) {}

  get size(): number {
    return this.pending.size;
  }

  /** Calls `requeue` after `delayMs` (errors go to `onError`). */
  schedule(message: RabbitMessage, delayMs: number, requeue: () => Promise<void>): void {
    const timer = setTimeout(() => this.fire(message), delayMs);
    this.pending.set(message, { timer, requeue });
  }

  /** Requeues every waiting message now (at close, so they come back promptly to other consumers). */
  async flush(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((message) => this.fire(message)));
  }

  /** Forgets the messages of a closed channel: the broker has requeued them already. */
  dropSession(session: RabbitSession): void {
    for (const [message, entry] of this.pending) {
      if (message.session !== session) continue;
      clearTimeout(entry.timer);
      this.pending.delete(message);
    }
  }

  private async fire(message: RabbitMessage): Promise<void> {
    const entry = this.pending.get(message);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(message);
    try {
      await entry.requeue();
    } catch (error) {
      this.onError(error);
    }
  }
}
