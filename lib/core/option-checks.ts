import { InvalidOptionError } from './errors';
import { redactUrl } from './redact-url';

/** The object without its `undefined` fields, so spreading it over defaults keeps the defaults. */
export function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Throws `InvalidOptionError` unless `value` is a finite number >= `min` (and an integer when asked). */
export function assertNumber(value: unknown, option: string, min: number, integer = false): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new InvalidOptionError(option, value, `${integer ? 'an integer' : 'a number'} >= ${min}`);
  }
}

/** Throws `InvalidOptionError` unless `value` is one of `allowed`. */
export function assertOneOf<T extends string>(value: unknown, option: string, allowed: readonly T[]): asserts value is T {
  if (!allowed.includes(value as T)) throw new InvalidOptionError(option, value, allowed.join(', '));
}

/** Throws `InvalidOptionError` unless `value` is `true` or `false`; returns it. */
export function assertBoolean(value: unknown, option: string): boolean {
  if (typeof value !== 'boolean') throw new InvalidOptionError(option, value, 'true or false');
  return value;
}

/** Like `assertNumber`, also accepting `Infinity` (unlimited). */
export function assertLimit(value: unknown, option: string, min: number): asserts value is number {
  if (value === Infinity) return;
  assertNumber(value, option, min);
}

/**
 * Checks a list of broker addresses (`host:port` for Kafka, URLs for the
 * others): a non-empty array of strings each matching `shape`. A comma-separated
 * string is accepted too. Throws `InvalidOptionError` naming the option.
 */
export function assertAddressList(value: unknown, option: string, shape: RegExp, allowed: string): string[] {
  const list = typeof value === 'string' ? value.split(',').map((item) => item.trim()) : value;
  if (!Array.isArray(list) || list.length === 0 || list.some((item) => typeof item !== 'string' || !shape.test(item))) {
    throw new InvalidOptionError(option, redactList(value), allowed);
  }
  return list as string[];
}

/** Addresses may carry passwords (`scheme://user:pass@host`, or `user:pass@host` without a scheme): errors show them redacted. */
function redactList(value: unknown): unknown {
  const redact = (item: unknown) => {
    if (typeof item !== 'string') return item;
    if (item.includes('://')) return redactUrl(item);
    return item.includes('@') ? `***@${item.slice(item.lastIndexOf('@') + 1)}` : item;
  };
  return Array.isArray(value) ? value.map(redact) : redact(value);
}
