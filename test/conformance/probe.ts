import type { AckContext, HandledEvent } from '../../lib/core';

/** What the suite observed for one pattern: handler entries and contexts (the broker state is read separately). */
export class PatternProbe {
  /** Delivery counts seen at the first step (guard, interceptor, pipe or handler) of each delivery. */
  readonly deliveries: number[] = [];
  readonly contexts: AckContext[] = [];
  /** Results of manual settle calls made by handlers. */
  readonly manualResults: boolean[] = [];
  readonly handled: HandledEvent[] = [];
  private releaseGate?: () => void;
  private gate?: Promise<void>;

  enter(context: AckContext): void {
    if (this.contexts.includes(context)) return;
    this.contexts.push(context);
    this.deliveries.push(context.getDeliveryCount());
  }

  /** Makes handlers wait until `release()` (for in-flight close tests). */
  hold(): void {
    this.gate = new Promise((resolve) => (this.releaseGate = resolve));
  }

  release(): void {
    this.releaseGate?.();
  }

  waitAtGate(): Promise<void> {
    return this.gate ?? Promise.resolve();
  }

  get lastContext(): AckContext {
    const context = this.contexts.at(-1);
    if (!context) throw new Error('no delivery reached the handler');
    return context;
  }
}

/** Probes by pattern; handlers built by the suite find theirs here. */
export const probes = new Map<string, PatternProbe>();

export function probeFor(pattern: string): PatternProbe {
  let probe = probes.get(pattern);
  if (!probe) {
    probe = new PatternProbe();
    probes.set(pattern, probe);
  }
  return probe;
}
