import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DeliverySlots } from '../../../lib/core/delivery-slots';
import { ClaimLoop } from '../../../lib/postgres/postgres-claim-loop';
import { waitFor } from '../../support/wait-for';

/** A queue of numbered rows behind a fake claim statement. */
function fakeQueue(total: number) {
  const due = Array.from({ length: total }, (_, i) => i + 1);
  const claims: number[] = [];
  const finish = new Map<number, () => void>();
  let running = 0;
  let maxRunning = 0;
  const released: number[] = [];
  return {
    due,
    claims,
    finish,
    released,
    get running() {
      return running;
    },
    get maxRunning() {
      return maxRunning;
    },
    hooks: {
      claim: async (limit: number) => {
        claims.push(limit);
        return due.splice(0, limit);
      },
      deliver: (row: number) => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        return new Promise<void>((resolve) => finish.set(row, () => {
          running--;
          finish.delete(row);
          resolve();
        }));
      },
      release: async (rows: number[]) => {
        released.push(...rows);
      },
      onError: () => undefined,
    },
  };
}

describe('ClaimLoop', () => {
  it('never claims more rows than free slots, and claims again as slots free up', async () => {
    const queue = fakeQueue(25);
    const loop = new ClaimLoop(queue.hooks, new DeliverySlots(10), 10, 60_000);
    loop.start();
    await waitFor(() => queue.running === 10);
    assert.deepEqual(queue.claims, [10]);
    // Freeing fewer than half a batch does not claim yet.
    for (const row of [1, 2, 3, 4]) queue.finish.get(row)!();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(queue.claims, [10]);
    queue.finish.get(5)!();
    await waitFor(() => queue.claims.length === 2);
    assert.equal(queue.claims[1], 5, 'claims exactly the free slots');
    while (queue.running > 0 || queue.due.length > 0) {
      for (const done of [...queue.finish.values()]) done();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    assert.ok(queue.maxRunning <= 10, `at most 10 at once (saw ${queue.maxRunning})`);
    await loop.stop();
  });

  it('sleeps until woken (a NOTIFY, a due retry) when nothing is due, and gives back rows claimed after stop', async () => {
    const queue = fakeQueue(0);
    const loop = new ClaimLoop(queue.hooks, new DeliverySlots(5), 5, 60_000);
    loop.start();
    await waitFor(() => queue.claims.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(queue.claims.length, 1, 'no busy polling');
    queue.due.push(1);
    loop.wake();
    await waitFor(() => queue.running === 1);
    loop.wakeIn(10);
    await waitFor(() => queue.claims.length === 3, { message: 'woken by the retry timer' });
    // A claim under way when stop() is called: its rows go back.
    let resolveClaim!: (rows: number[]) => void;
    queue.hooks.claim = () => new Promise<number[]>((resolve) => (resolveClaim = resolve));
    loop.wake();
    await waitFor(() => resolveClaim !== undefined);
    const stopped = loop.stop();
    resolveClaim([7, 8]);
    await stopped;
    assert.deepEqual(queue.released, [7, 8]);
    queue.finish.get(1)!();
  });

  it('after a failed claim waits the poll interval, even when woken, so an outage is no busy loop', async () => {
    let attempts = 0;
    const errors: unknown[] = [];
    const loop = new ClaimLoop<number>({
      claim: async () => {
        attempts++;
        throw new Error('database down');
      },
      deliver: async () => undefined,
      release: async () => undefined,
      onError: (error) => errors.push(error),
    }, new DeliverySlots(5), 5, 60);
    loop.start();
    await waitFor(() => errors.length === 1);
    for (let i = 0; i < 20; i++) {
      loop.wake();
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.ok(attempts <= 2, `at most one retry while woken repeatedly (${attempts} claims)`);
    await waitFor(() => attempts >= 3, { message: 'retries at the poll interval' });
    await loop.stop();
  });
});
