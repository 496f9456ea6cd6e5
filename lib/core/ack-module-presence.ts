/**
 * How many `AckModule`s are initialized in this process. The core cannot see
 * the application's module graph, so the module counts itself here while it
 * lives and a server checks at start. Kept on `globalThis` so two copies of
 * the package still agree.
 */
const KEY = Symbol.for('nestjs-ack.active-modules');

type Registry = { [KEY]?: number };

export function ackModuleStarted(): void {
  (globalThis as Registry)[KEY] = ((globalThis as Registry)[KEY] ?? 0) + 1;
}

export function ackModuleStopped(): void {
  (globalThis as Registry)[KEY] = Math.max(0, ((globalThis as Registry)[KEY] ?? 0) - 1);
}

export function isAckModuleActive(): boolean {
  return ((globalThis as Registry)[KEY] ?? 0) > 0;
}
