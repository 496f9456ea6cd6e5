import assert from 'node:assert/strict';
import type { AckServerOptions, HandledEvent } from '../../lib/core';
import { waitFor, waitForEqual } from '../support/wait-for';
import type { ConformanceAdapter, ConformanceTarget, DeadLetterView } from './adapter';
import { buildModule, type CellSpec } from './cells';
import { MATRIX_MAX_DELIVERIES, type FinalState } from './expectations';
import { probeFor, type PatternProbe } from './probe';

export const FAST_RETRY = { maxDeliveries: MATRIX_MAX_DELIVERIES, backoff: { type: 'fixed' as const, initialDelayMs: 20, jitter: 0 } };
export const TEST_TIMEOUT = { timeout: 60_000 };
export const DATA = { n: 42 };

export interface Started {
  target: ConformanceTarget;
  probe: (pattern: string) => PatternProbe;
}

/** Starts an app with `cells`, runs `body`, always closes it. */
export async function withTarget(adapter: ConformanceAdapter, cells: CellSpec[], serverOptions: AckServerOptions, body: (started: Started) => Promise<void>, extraPatterns: string[] = []): Promise<void> {
  const target = await adapter.start({ module: buildModule(cells), patterns: [...cells.map((c) => c.pattern), ...extraPatterns], serverOptions });
  target.server.on('handled', (event: HandledEvent) => probeFor(event.pattern).handled.push(event));
  try {
    await body({ target, probe: probeFor });
  } finally {
    await target.close();
  }
}

export async function sendAndCollect(target: ConformanceTarget, cell: CellSpec): Promise<Promise<{ value?: unknown; error?: unknown }> | undefined> {
  if (cell.kind === 'event') {
    await target.emit(cell.pattern, DATA);
    return undefined;
  }
  return target.send(cell.pattern, DATA).then(
    (value) => ({ value }),
    (error) => ({ error: error ?? 'error' }),
  );
}

export function handledCounts(probe: PatternProbe): number[] {
  return probe.handled.map((event) => event.deliveryCount);
}

export function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}

/** Asserts the broker state of the pattern's single message. */
export async function assertFinal(target: ConformanceTarget, pattern: string, final: FinalState, deliveries: number): Promise<DeadLetterView | undefined> {
  if (final.state === 'acked') {
    await waitForEqual(() => target.outstanding(pattern), 0, { message: `outstanding of ${pattern}` });
    assert.deepEqual(await target.deadLetters(pattern), [], 'an acked message must not be dead-lettered');
    return undefined;
  }
  if (final.state === 'unsettled') {
    await waitForEqual(() => target.outstanding(pattern), 1, { message: `outstanding of ${pattern}` });
    assert.deepEqual(await target.deadLetters(pattern), [], 'an unsettled message must not be dead-lettered');
    return undefined;
  }
  const [entry] = (await waitFor(async () => {
    const entries = await target.deadLetters(pattern);
    return entries.length > 0 ? entries : undefined;
  }, { message: `a dead letter for ${pattern}` }))!;
  await waitForEqual(() => target.outstanding(pattern), 0, { message: `outstanding of ${pattern}` });
  assert.equal((await target.deadLetters(pattern)).length, 1, 'exactly one dead letter');
  assert.equal(entry.reason, final.reason);
  assert.equal(entry.deliveryCount, deliveries, 'dead letter delivery count');
  if (final.errorName) assert.equal(entry.errorName, final.errorName);
  if (final.errorMessageIncludes) assert.match(entry.errorMessage ?? '', new RegExp(final.errorMessageIncludes));
  assert.ok(entry.body.toString('utf8').includes('"n":42'), 'the original body travels untouched');
  assert.ok(Object.keys(entry.source).length > 0, 'the source is recorded');
  return entry;
}

