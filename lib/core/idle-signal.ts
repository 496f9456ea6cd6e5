/**
 * Lets a close wait until the last in-flight delivery finished, without
 * keeping a promise per delivery: `resolve()` is called whenever the count
 * reaches zero, `wait` gives up after a timeout.
 */
export class IdleSignal {
  private waiters: Array<() => void> = [];

  /** Nothing is in flight any more: wakes every waiter. */
  resolve(): void {
    if (this.waiters.length === 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves true at the next `resolve()`, false after `timeoutMs`. */
  wait(timeoutMs: number): Promise<boolean> {
    return new Promise<boolean>((done) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== wake);
        done(false);
      }, timeoutMs);
      const wake = () => {
        clearTimeout(timer);
        done(true);
      };
      this.waiters.push(wake);
    });
  }
}
