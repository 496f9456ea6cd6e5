"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const rabbit_delayed_nacks_1 = require("../../../lib/rabbitmq/rabbit-delayed-nacks");
const session = () => ({ open: true });
const message = (s) => ({ session: s });
(0, node_test_1.describe)('delayed nacks', () => {
    (0, node_test_1.it)('requeue after the delay, once', () => {
        node_test_1.mock.timers.enable({ apis: ['setTimeout'] });
        try {
            const nacks = new rabbit_delayed_nacks_1.DelayedNacks(() => strict_1.default.fail('no error expected'));
            const calls = [];
            nacks.schedule(message(session()), 100, async () => void calls.push('a'));
            node_test_1.mock.timers.tick(99);
            strict_1.default.deepEqual(calls, []);
            node_test_1.mock.timers.tick(1);
            strict_1.default.deepEqual(calls, ['a']);
            strict_1.default.equal(nacks.size, 0);
        }
        finally {
            node_test_1.mock.timers.reset();
        }
    });
    (0, node_test_1.it)('flush requeues everything now (at close)', async () => {
        const nacks = new rabbit_delayed_nacks_1.DelayedNacks(() => strict_1.default.fail('no error expected'));
        const calls = [];
        nacks.schedule(message(session()), 600_000, async () => void calls.push('a'));
        nacks.schedule(message(session()), 600_000, async () => void calls.push('b'));
        await nacks.flush();
        strict_1.default.deepEqual(calls.sort(), ['a', 'b']);
        strict_1.default.equal(nacks.size, 0);
    });
    (0, node_test_1.it)("drops a closed channel's messages without touching them (the broker requeued them)", async () => {
        const nacks = new rabbit_delayed_nacks_1.DelayedNacks(() => strict_1.default.fail('no error expected'));
        const dead = session();
        const calls = [];
        nacks.schedule(message(dead), 600_000, async () => void calls.push('dead'));
        nacks.schedule(message(session()), 600_000, async () => void calls.push('live'));
        nacks.dropSession(dead);
        await nacks.flush();
        strict_1.default.deepEqual(calls, ['live']);
    });
    (0, node_test_1.it)('reports a failed requeue instead of throwing', async () => {
        const errors = [];
        const nacks = new rabbit_delayed_nacks_1.DelayedNacks((error) => errors.push(error));
        nacks.schedule(message(session()), 600_000, async () => {
            throw new Error('channel closed');
        });
        await nacks.flush();
        strict_1.default.equal(errors[0].message, 'channel closed');
    });
});
//# sourceMappingURL=rabbit-delayed-nacks.test.js.map