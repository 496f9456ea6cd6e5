import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DeliverySlots } from '../../../lib/core/delivery-slots';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('DeliverySlots', () => {
  it('free slots follow what is held, keyed and unkeyed', () => {
    const slots = new DeliverySlots(3);
    slots.take('a');
    slots.take();
    assert.equal(slots.free, 1);
    assert.equal(slots.taken, 2);
    slots.take('b');
    assert.equal(slots.free, 0);
    slots.release('a');
    assert.equal(slots.free, 1);
    assert.ok(slots.has('b'));
    assert.ok(!slots.has('a'));
    slots.release('a'); // not held: ignored
    slots.release();
    slots.release(); // no unkeyed slot left: ignored
    assert.equal(slots.free, 2);
  });

  it('hold() gives the slot back when the work settles, also when it throws', async () => {
    const slots = new DeliverySlots(1);
    let finish!: () => void;
    const running = slots.hold(() => new Promise<void>((resolve) => (finish = resolve)), 'k');
    assert.equal(slots.free, 0);
    assert.ok(slots.has('k'));
    finish();
    await running;
    assert.equal(slots.free, 1);
    await assert.rejects(slots.hold(() => {
      throw new Error('sync failure');
    }));
    assert.equal(slots.free, 1);
  });

  it('waitFree waits for a slot, and for atLeast slots only until the timeout', async () => {
    const slots = new DeliverySlots(4);
    const signal = new AbortController().signal;
    for (const key of ['a', 'b', 'c', 'd']) slots.take(key);
    let woke = false;
    const waiting = slots.waitFree(signal).then(() => (woke = true));
    await nextTurn();
    assert.equal(woke, false);
    slots.release('a');
    await waiting;
    const started = Date.now();
    await slots.waitFree(signal, 2, 20);
    assert.ok(Date.now() - started >= 15, 'waited for the second slot up to the timeout');
    assert.equal(slots.free, 1);
  });

  it('an abort ends the wait', async () => {
    const slots = new DeliverySlots(1);
    slots.take('a');
    const controller = new AbortController();
    const waiting = slots.waitFree(controller.signal);
    controller.abort();
    await waiting;
    assert.equal(slots.free, 0);
  });
});
