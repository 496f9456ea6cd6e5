/** Most messages remembered; the oldest are forgotten first so memory stays bounded. */
const MAX_TRACKED = 10_000;

/**
 * Remembers when each message (by its redelivery-stable key) first failed,
 * for the dead-letter record's `firstFailureAt`. In memory: after a restart
 * the first failure seen by this process counts as the first.
 */
export class FailureClock {
  private readonly firstFailures = new Map<string, Date>();

  failed(key: string, now = new Date()): void {
    if (this.firstFailures.has(key)) return;
    if (this.firstFailures.size >= MAX_TRACKED) {
      const oldest = this.firstFailures.keys().next().value;
      if (oldest !== undefined) this.firstFailures.delete(oldest);
    }
    this.firstFailures.set(key, now);
  }

  firstFailure(key: string, now = new Date()): Date {
    return this.firstFailures.get(key) ?? now;
  }

  forget(key: string): void {
    this.firstFailures.delete(key);
  }

  /** Whether any failure is remembered: while none is, a settled message has nothing to forget (and its key need not be computed). */
  get isEmpty(): boolean {
    return this.firstFailures.size === 0;
  }
}
