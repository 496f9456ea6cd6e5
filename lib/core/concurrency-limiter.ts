/** Counts running handlers and queues callers beyond `limit`, first come first served. */
export class ConcurrencyLimiter {
  private running = 0;
  /** Callers waiting for a slot, from `head` on: shift() on a long array moves every element. */
  private waiting: Array<(() => void) | undefined> = [];
  private head = 0;

  constructor(private readonly limit: number) {}

  /** Takes a free slot at once; false when all are taken (then `acquire()` queues). */
  tryAcquire(): boolean {
    if (this.running >= this.limit) return false;
    this.running++;
    return true;
  }

  async acquire(): Promise<void> {
    if (this.tryAcquire()) return;
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    if (this.head === this.waiting.length) {
      this.running--;
      return;
    }
    const next = this.waiting[this.head]!;
    this.waiting[this.head++] = undefined;
    if (this.head === this.waiting.length) {
      this.waiting = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.waiting.length) {
      this.waiting = this.waiting.slice(this.head);
      this.head = 0;
    }
    next();
  }
}
