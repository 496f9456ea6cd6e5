"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const postgres_claim_loop_1 = require("../../../lib/postgres/postgres-claim-loop");
const wait_for_1 = require("../../support/wait-for");
/** A queue of numbered rows behind a fake claim statement. */
function fakeQueue(total) {
    const due = Array.from({ length: total }, (_, i) => i + 1);
    const claims = [];
    const finish = new Map();
    let running = 0;
    let maxRunning = 0;
    const released = [];
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
            claim: async (limit) => {
                claims.push(limit);
                return due.splice(0, limit);
            },
            deliver: (row) => {
                running++;
                maxRunning = Math.max(maxRunning, running);
                return new Promise((resolve) => finish.set(row, () => {
                    running--;
                    finish.delete(row);
                    resolve();
                }));
            },
            release: async (rows) => {
                released.push(...rows);
            },
            onError: () => undefined,
        },
    };
}
(0, node_test_1.describe)('ClaimLoop', () => {
    (0, node_test_1.it)('never claims more rows than free slots, and claims again as slots free up', async () => {
        const queue = fakeQueue(25);
        const loop = new postgres_claim_loop_1.ClaimLoop(queue.hooks, 10, 10, 60_000);
        loop.start();
        await (0, wait_for_1.waitFor)(() => queue.running === 10);
        strict_1.default.deepEqual(queue.claims, [10]);
        // Freeing fewer than half a batch does not claim yet.
        for (const row of [1, 2, 3, 4])
            queue.finish.get(row)();
        await new Promise((resolve) => setImmediate(resolve));
        strict_1.default.deepEqual(queue.claims, [10]);
        queue.finish.get(5)();
        await (0, wait_for_1.waitFor)(() => queue.claims.length === 2);
        strict_1.default.equal(queue.claims[1], 5, 'claims exactly the free slots');
        while (queue.running > 0 || queue.due.length > 0) {
            for (const done of [...queue.finish.values()])
                done();
            await new Promise((resolve) => setTimeout(resolve, 1));
        }
        strict_1.default.ok(queue.maxRunning <= 10, `at most 10 at once (saw ${queue.maxRunning})`);
        await loop.stop();
    });
    (0, node_test_1.it)('sleeps until woken (a NOTIFY, a due retry) when nothing is due, and gives back rows claimed after stop', async () => {
        const queue = fakeQueue(0);
        const loop = new postgres_claim_loop_1.ClaimLoop(queue.hooks, 5, 5, 60_000);
        loop.start();
        await (0, wait_for_1.waitFor)(() => queue.claims.length === 1);
        await new Promise((resolve) => setTimeout(resolve, 20));
        strict_1.default.equal(queue.claims.length, 1, 'no busy polling');
        queue.due.push(1);
        loop.wake();
        await (0, wait_for_1.waitFor)(() => queue.running === 1);
        loop.wakeIn(10);
        await (0, wait_for_1.waitFor)(() => queue.claims.length === 3, { message: 'woken by the retry timer' });
        // A claim under way when stop() is called: its rows go back.
        let resolveClaim;
        queue.hooks.claim = () => new Promise((resolve) => (resolveClaim = resolve));
        loop.wake();
        await (0, wait_for_1.waitFor)(() => resolveClaim !== undefined);
        const stopped = loop.stop();
        resolveClaim([7, 8]);
        await stopped;
        strict_1.default.deepEqual(queue.released, [7, 8]);
        queue.finish.get(1)();
    });
    (0, node_test_1.it)('after a failed claim waits the poll interval, even when woken, so an outage is no busy loop', async () => {
        let attempts = 0;
        const errors = [];
        const loop = new postgres_claim_loop_1.ClaimLoop({
            claim: async () => {
                attempts++;
                throw new Error('database down');
            },
            deliver: async () => undefined,
            release: async () => undefined,
            onError: (error) => errors.push(error),
        }, 5, 5, 60);
        loop.start();
        await (0, wait_for_1.waitFor)(() => errors.length === 1);
        for (let i = 0; i < 20; i++) {
            loop.wake();
            await new Promise((resolve) => setImmediate(resolve));
        }
        strict_1.default.ok(attempts <= 2, `at most one retry while woken repeatedly (${attempts} claims)`);
        await (0, wait_for_1.waitFor)(() => attempts >= 3, { message: 'retries at the poll interval' });
        await loop.stop();
    });
});
//# sourceMappingURL=postgres-claim-loop.test.js.map