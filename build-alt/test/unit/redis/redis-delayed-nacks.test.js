"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const redis_delayed_nacks_1 = require("../../../lib/redis/redis-delayed-nacks");
const message = (key) => ({ key });
const flush = () => new Promise((resolve) => setImmediate(resolve));
(0, node_test_1.describe)('Redis delayed nacks', () => {
    (0, node_test_1.it)('a delay below minIdleMs is one idle time: minIdle - delay, nothing kept', () => {
        const nacks = new redis_delayed_nacks_1.DelayedNacks(1000, 300, async () => true, () => strict_1.default.fail());
        strict_1.default.deepEqual(nacks.idleFor(0), { idleMs: 1000, keep: false });
        strict_1.default.deepEqual(nacks.idleFor(250), { idleMs: 750, keep: false });
        strict_1.default.deepEqual(nacks.idleFor(1000), { idleMs: 0, keep: true });
    });
    (0, node_test_1.it)('a longer delay is kept young, then given the idle time that makes it due on time', async () => {
        node_test_1.mock.timers.enable({ apis: ['setTimeout', 'Date'] });
        try {
            const touches = [];
            const nacks = new redis_delayed_nacks_1.DelayedNacks(1000, 300, async (_m, idleMs) => (touches.push(idleMs), true), () => strict_1.default.fail());
            nacks.keep(message('a'), 2500);
            for (let t = 0; t < 8; t++) {
                node_test_1.mock.timers.tick(300);
                await flush();
            }
            // At 300..1500 ms more than minIdle is left: idle 0. At 1800 ms, 700 ms are left: idle 300, and done.
            strict_1.default.deepEqual(touches, [0, 0, 0, 0, 0, 300]);
            strict_1.default.equal(nacks.size, 0);
        }
        finally {
            node_test_1.mock.timers.reset();
        }
    });
    (0, node_test_1.it)('stops when the entry is no longer ours', async () => {
        node_test_1.mock.timers.enable({ apis: ['setTimeout', 'Date'] });
        try {
            let calls = 0;
            const nacks = new redis_delayed_nacks_1.DelayedNacks(1000, 300, async () => (calls++, false), () => strict_1.default.fail());
            nacks.keep(message('a'), 10_000);
            node_test_1.mock.timers.tick(300);
            await flush();
            node_test_1.mock.timers.tick(3000);
            await flush();
            strict_1.default.equal(calls, 1);
            strict_1.default.equal(nacks.size, 0);
        }
        finally {
            node_test_1.mock.timers.reset();
        }
    });
    (0, node_test_1.it)('releaseAll makes every kept entry claimable at once (idle = minIdleMs)', async () => {
        const touches = [];
        const nacks = new redis_delayed_nacks_1.DelayedNacks(1000, 300, async (m, idleMs) => (touches.push([m.key, idleMs]), true), () => strict_1.default.fail());
        nacks.keep(message('a'), 60_000);
        nacks.keep(message('b'), 60_000);
        await nacks.releaseAll();
        strict_1.default.deepEqual(touches, [['a', 1000], ['b', 1000]]);
        strict_1.default.equal(nacks.size, 0);
    });
});
//# sourceMappingURL=redis-delayed-nacks.test.js.map