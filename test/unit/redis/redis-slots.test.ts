import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HeldEntries } from '../../../lib/redis/redis-slots';

describe('Redis held entries (read sizing)', () => {
  it('free slots follow what is held', () => {
    const held = new HeldEntries(2);
    held.add('a');
    assert.equal(held.free, 1);
    held.add('b');
    assert.equal(held.free, 0);
    held.release('a');
    assert.equal(held.free, 1);
    assert.ok(held.has('b'));
  });

  it('waitFree waits for a slot, and for atLeast slots only until the timeout', async () => {
    const held = new HeldEntries(4);
    const signal = new AbortController().signal;
    for (const key of ['a', 'b', 'c', 'd']) held.add(key);
    let woke = false;
    const waiting = held.waitFree(signal).then(() => (woke = true));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(woke, false);
    held.release('a');
    await waiting;
    const started = Date.now();
    await held.waitFree(signal, 2, 20);
    assert.ok(Date.now() - started >= 15, 'waited for the second slot up to the timeout');
    assert.equal(held.free, 1);
  });

  it('an abort ends the wait', async () => {
    const held = new HeldEntries(1);
    held.add('a');
    const controller = new AbortController();
    const waiting = held.waitFree(controller.signal);
    controller.abort();
    await waiting;
  });
});
