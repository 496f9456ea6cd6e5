import type { RabbitReconnectOptions } from './rabbit-reconnect-options';

export type ResolvedReconnect = Required<RabbitReconnectOptions>;

export const DEFAULT_RECONNECT: ResolvedReconnect = { initialDelayMs: 200, maxDelayMs: 10_000, multiplier: 2, maxAttempts: Infinity };

/** Merges reconnect options over the defaults, naming the bad option. */
export function resolveReconnect(options: RabbitReconnectOptions | undefined, optionName = 'reconnect'): ResolvedReconnect {
  const merged = { ...DEFAULT_RECONNECT, ...definedOnly(options ?? {}) };
  const check = (name: keyof ResolvedReconnect, min: number) => {
    const value = merged[name];
    if (typeof value !== 'number' || Number.isNaN(value) || value < min) {
      throw new Error(`nestjs-ack: invalid ${optionName}.${name} ${JSON.stringify(value)}; allowed: a number >= ${min}`);
    }
  };
  check('initialDelayMs', 0);
  check('maxDelayMs', 0);
  check('multiplier', 1);
  check('maxAttempts', 1);
  return merged;
}

/** Wait before reconnect attempt `attempt` (1-based): exponential, capped, with ±20 % jitter so many clients do not reconnect in lockstep. */
export function reconnectDelay(options: ResolvedReconnect, attempt: number, random = Math.random): number {
  const base = Math.min(options.maxDelayMs, options.initialDelayMs * options.multiplier ** Math.max(0, attempt - 1));
  return Math.max(0, Math.round(Math.min(options.maxDelayMs, base * (0.8 + 0.4 * random()))));
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
