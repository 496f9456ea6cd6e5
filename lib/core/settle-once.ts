import type { Settlement } from './settlement';

/**
 * Remembers that a delivery got its one final decision. The first claim wins;
 * every later one is refused, so a second ack or a policy step after a manual
 * nack never reaches the broker.
 */
export class SettleOnce {
  private decision: Settlement | 'abandoned' | undefined;

  /** Claims the decision. Synchronous, so two concurrent callers cannot both win. */
  claim(settlement: Settlement): boolean {
    if (this.decision !== undefined) return false;
    this.decision = settlement;
    return true;
  }

  /** Replaces the claimed decision by what was really done (a nack turned into a reject). */
  record(settlement: Settlement): void {
    this.decision = settlement;
  }

  /** Closes the delivery without settling it: the broker redelivers it. Used at shutdown timeout. */
  abandon(): void {
    this.decision ??= 'abandoned';
  }

  get isSettled(): boolean {
    return this.decision !== undefined;
  }

  /** The decision taken, or undefined while unsettled or when abandoned. */
  get settlement(): Settlement | undefined {
    return this.decision === 'abandoned' ? undefined : this.decision;
  }
}
