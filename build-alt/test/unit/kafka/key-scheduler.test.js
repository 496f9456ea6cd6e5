"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const key_scheduler_1 = require("../../../lib/kafka/key-scheduler");
const item = (offset, key) => ({ offset, key });
const byKey = () => new key_scheduler_1.KeyScheduler((i) => i.key, (i) => i.offset);
/** Takes everything runnable now. */
function drain(scheduler) {
    const taken = [];
    for (let next = scheduler.take(); next; next = scheduler.take())
        taken.push(next.offset);
    return taken;
}
(0, node_test_1.describe)('KeyScheduler', () => {
    (0, node_test_1.it)('runs one item per key at a time, different keys side by side, lowest offset first', () => {
        const scheduler = byKey();
        [item(0, 'a'), item(1, 'b'), item(2, 'a'), item(3, 'c'), item(4, 'b')].forEach((i) => scheduler.push(i));
        strict_1.default.deepEqual(drain(scheduler), [0, 1, 3], 'the head of each key');
        strict_1.default.equal(scheduler.waiting, 2);
        scheduler.finish(item(1, 'b'));
        scheduler.finish(item(0, 'a'));
        strict_1.default.equal(scheduler.peek()?.offset, 2, 'the lowest runnable offset, whichever key finished first');
        strict_1.default.deepEqual(drain(scheduler), [2, 4]);
        strict_1.default.equal(scheduler.waiting, 0);
    });
    (0, node_test_1.it)('a held item blocks only its key until released, then runs before the later items of its key', () => {
        const scheduler = byKey();
        [item(0, 'a'), item(1, 'b'), item(2, 'a'), item(3, 'b')].forEach((i) => scheduler.push(i));
        strict_1.default.deepEqual(drain(scheduler), [0, 1]);
        scheduler.hold(item(0, 'a')); // nacked while running
        scheduler.finish(item(0, 'a'));
        scheduler.finish(item(1, 'b'));
        strict_1.default.deepEqual(drain(scheduler), [3], 'key b flows, key a waits');
        scheduler.release(item(0, 'a'));
        strict_1.default.deepEqual(drain(scheduler), [0], 'the nacked item first');
        scheduler.finish(item(0, 'a'));
        strict_1.default.deepEqual(drain(scheduler), [2]);
    });
    (0, node_test_1.it)('a late hold (after the key moved on) puts the item back in offset order and waits for the running one', () => {
        const scheduler = byKey();
        [item(0, 'a'), item(1, 'a'), item(2, 'a')].forEach((i) => scheduler.push(i));
        strict_1.default.deepEqual(drain(scheduler), [0]);
        scheduler.finish(item(0, 'a'));
        strict_1.default.deepEqual(drain(scheduler), [1]);
        scheduler.hold(item(0, 'a')); // a MANUAL nack of 0 while 1 runs
        scheduler.release(item(0, 'a'));
        strict_1.default.deepEqual(drain(scheduler), [], 'key a is still busy with 1');
        scheduler.finish(item(1, 'a'));
        strict_1.default.deepEqual(drain(scheduler), [0]);
        scheduler.finish(item(0, 'a'));
        strict_1.default.deepEqual(drain(scheduler), [2]);
    });
    (0, node_test_1.it)('null is one key like any other; each item its own lane gives any order', () => {
        const scheduler = byKey();
        [item(0, null), item(1, null), item(2, 'x')].forEach((i) => scheduler.push(i));
        strict_1.default.deepEqual(drain(scheduler), [0, 2]);
        const none = new key_scheduler_1.KeyScheduler((i) => i.offset, (i) => i.offset);
        [item(0, 'a'), item(1, 'a'), item(2, 'a')].forEach((i) => none.push(i));
        strict_1.default.deepEqual(drain(none), [0, 1, 2]);
    });
    (0, node_test_1.it)('clear drops waiting and held items but keeps running keys busy', () => {
        const scheduler = byKey();
        [item(0, 'a'), item(1, 'a'), item(2, 'b')].forEach((i) => scheduler.push(i));
        strict_1.default.deepEqual(drain(scheduler), [0, 2]);
        scheduler.hold(item(2, 'b'));
        scheduler.clear();
        strict_1.default.equal(scheduler.waiting, 0);
        scheduler.push(item(1, 'a')); // fetched again after a rejoin, while 0 still runs
        strict_1.default.deepEqual(drain(scheduler), [], 'key a waits for its running item');
        scheduler.finish(item(0, 'a'));
        strict_1.default.deepEqual(drain(scheduler), [1]);
    });
    (0, node_test_1.it)('keeps per-key order and at most one running per key under a random schedule (model check)', () => {
        let seed = 7;
        const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
        for (let round = 0; round < 30; round++) {
            const scheduler = byKey();
            const keys = ['a', 'b', 'c', 'd', null];
            let next = 0;
            const running = new Map();
            const seen = new Map();
            const held = [];
            while (next < 300 || scheduler.waiting > 0 || running.size > 0) {
                const roll = random();
                if (roll < 0.4 && next < 300)
                    scheduler.push(item(next++, keys[Math.floor(random() * keys.length)]));
                else if (roll < 0.7) {
                    const taken = scheduler.take();
                    if (taken) {
                        strict_1.default.ok(!running.has(taken.key), `key ${taken.key} already running`);
                        running.set(taken.key, taken);
                        const list = seen.get(taken.key) ?? [];
                        list.push(taken.offset);
                        seen.set(taken.key, list);
                    }
                }
                else if (roll < 0.95 || held.length === 0) {
                    const done = [...running.values()][Math.floor(random() * running.size)];
                    if (!done)
                        continue;
                    running.delete(done.key);
                    if (random() < 0.1) {
                        scheduler.hold(done);
                        held.push(done);
                        seen.get(done.key).pop(); // it runs again: its first run does not count for the order
                    }
                    scheduler.finish(done);
                }
                else
                    scheduler.release(held.shift());
            }
            for (const [key, offsets] of seen)
                strict_1.default.deepEqual(offsets, [...offsets].sort((x, y) => x - y), `key ${key} in order`);
            strict_1.default.equal([...seen.values()].flat().length, 300, 'every item ran to the end once');
        }
    });
});
//# sourceMappingURL=key-scheduler.test.js.map