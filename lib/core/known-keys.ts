import { InvalidOptionError } from './errors';

/**
 * The option names an options object may hold, and the options holding an
 * object of ours checked the same way. Driver objects passed through as they
 * are (kafkajs `client`, nats `connectionOptions`, ioredis or pg settings) are
 * never listed in `nested`: their keys are the driver's to judge.
 */
export interface OptionKeys {
  readonly keys: readonly string[];
  readonly nested?: Readonly<Record<string, OptionKeys>>;
}

/**
 * `true` when every key of `T` is in the list `K`, else a type naming the
 * missing ones: `type _ = AllListed<KeysListed<MyOptions, typeof MY_KEYS>>`
 * fails to compile when an option is added to `MyOptions` but not to its list.
 */
export type KeysListed<T, K extends readonly PropertyKey[]> = [Exclude<keyof T, K[number]>] extends [never] ? true : { missing: Exclude<keyof T, K[number]> };
/** Compiles only with `true`: see `KeysListed`. */
export type AllListed<T extends true> = T;

/**
 * Throws `InvalidOptionError` for the first key of `options` (and of its
 * nested options) that `spec` does not list, naming it with its path and the
 * closest known name. A misspelt option otherwise falls back to its default in
 * silence (`url` for `urls` connects to localhost). Values that are not objects
 * are left to the value checks.
 */
export function assertKnownKeys(options: unknown, spec: OptionKeys, owner: string, path = ''): void {
  if (!isOptionsObject(options)) return;
  for (const key of Object.keys(options)) {
    if (!spec.keys.includes(key)) throw unknownOption(owner, path, key, spec.keys);
  }
  for (const [key, inner] of Object.entries(spec.nested ?? {})) {
    assertKnownKeys(options[key], inner, owner, `${path}${key}.`);
  }
}

function unknownOption(owner: string, path: string, key: string, known: readonly string[]): InvalidOptionError {
  const option = `${path}${key}`;
  const suggestion = closestName(key, known);
  const error = new InvalidOptionError(option, undefined, known.join(', '));
  // Never the value: an option may hold a URL with a password or a private key.
  error.message = suggestion !== undefined
    ? `nestjs-ack: unknown option ${option} of ${owner}; did you mean ${path}${suggestion}?`
    : `nestjs-ack: unknown option ${option} of ${owner}; known${path ? ` in ${path.slice(0, -1)}` : ''}: ${known.join(', ')}`;
  return error;
}

/**
 * The known name `key` most likely stands for: the same but for case, within
 * a few edits (about one per three characters), or the one whose start, all of
 * the shorter name but its last character at most, the two share
 * (`prefetchCount` for `prefetch`, `retries` for `retry`).
 */
export function closestName(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    const distance = editDistance(lower, name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  if (best !== undefined && bestDistance <= Math.max(1, Math.floor(key.length / 3))) return best;
  let longest = 0;
  best = undefined;
  for (const name of known) {
    const shared = sharedStart(lower, name.toLowerCase());
    if (shared >= 4 && shared >= Math.min(name.length, key.length) - 1 && shared > longest) {
      best = name;
      longest = shared;
    }
  }
  return best;
}

function sharedStart(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Edits (insert, delete, replace, swap of neighbours) that turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}

/** Options built by a class (a config object) count too: their own fields are what the library reads. */
function isOptionsObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
