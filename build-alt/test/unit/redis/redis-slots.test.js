"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const redis_slots_1 = require("../../../lib/redis/redis-slots");
(0, node_test_1.describe)('Redis held entries (read sizing)', () => {
    (0, node_test_1.it)('free slots follow what is held', () => {
        const held = new redis_slots_1.HeldEntries(2);
        held.add('a');
        strict_1.default.equal(held.free, 1);
        held.add('b');
        strict_1.default.equal(held.free, 0);
        held.release('a');
        strict_1.default.equal(held.free, 1);
        strict_1.default.ok(held.has('b'));
    });
    (0, node_test_1.it)('waitFree waits for a slot, and for atLeast slots only until the timeout', async () => {
        const held = new redis_slots_1.HeldEntries(4);
        const signal = new AbortController().signal;
        for (const key of ['a', 'b', 'c', 'd'])
            held.add(key);
        let woke = false;
        const waiting = held.waitFree(signal).then(() => (woke = true));
        await new Promise((resolve) => setImmediate(resolve));
        strict_1.default.equal(woke, false);
        held.release('a');
        await waiting;
        const started = Date.now();
        await held.waitFree(signal, 2, 20);
        strict_1.default.ok(Date.now() - started >= 15, 'waited for the second slot up to the timeout');
        strict_1.default.equal(held.free, 1);
    });
    (0, node_test_1.it)('an abort ends the wait', async () => {
        const held = new redis_slots_1.HeldEntries(1);
        held.add('a');
        const controller = new AbortController();
        const waiting = held.waitFree(controller.signal);
        controller.abort();
        await waiting;
    });
});
//# sourceMappingURL=redis-slots.test.js.map