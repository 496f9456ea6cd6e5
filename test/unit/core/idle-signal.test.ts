import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IdleSignal } from '../../../lib/core/idle-signal';

describe('IdleSignal', () => {
  it('wakes every waiter at the next resolve(), and a resolve() with nobody waiting is not remembered', async () => {
    const idle = new IdleSignal();
    idle.resolve(); // nobody waits: a later wait still waits for the next one
    const results: boolean[] = [];
    const first = idle.wait(10_000).then((woken) => results.push(woken));
    const second = idle.wait(10_000).then((woken) => results.push(woken));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(results, [], 'still waiting');
    idle.resolve();
    await Promise.all([first, second]);
    assert.deepEqual(results, [true, true]);
  });

  it('gives up after the timeout with false, and a later resolve() wakes only who still waits', async () => {
    const idle = new IdleSignal();
    assert.equal(await idle.wait(5), false);
    const later = idle.wait(10_000);
    idle.resolve();
    assert.equal(await later, true);
  });
});
