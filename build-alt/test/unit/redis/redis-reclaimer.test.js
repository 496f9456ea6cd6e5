"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const redis_reclaimer_1 = require("../../../lib/redis/redis-reclaimer");
const redis_slots_1 = require("../../../lib/redis/redis-slots");
const settings = { group: 'g', consumer: 'me', minIdleMs: 1000, claimIntervalMs: 10 };
/** A fake of the two scripts the reclaimer calls: one XAUTOCLAIM answer, then nothing. */
function fakeRedis(answer) {
    const touches = [];
    let answered = false;
    const redis = {
        status: 'ready',
        nestjsAckReclaimBuffer: async () => {
            if (answered)
                return [Buffer.from('0-0'), [], []];
            answered = true;
            return [Buffer.from('0-0'), answer.map(([id]) => [Buffer.from(id), [Buffer.from('body'), Buffer.from('{}')]]), answer.map(([, count]) => count)];
        },
        nestjsAckTouch: async (...args) => {
            touches.push(args);
            return 1;
        },
    };
    return { redis: redis, touches };
}
async function flush() {
    for (let i = 0; i < 20; i++)
        await new Promise((resolve) => setImmediate(resolve));
}
(0, node_test_1.describe)('Reclaimer', () => {
    (0, node_test_1.afterEach)(() => node_test_1.mock.timers.reset());
    (0, node_test_1.it)('delivers a reclaimed entry, but gives an entry this process still holds back its idle time and its count', async () => {
        node_test_1.mock.timers.enable({ apis: ['setInterval'] });
        const held = new redis_slots_1.HeldEntries(10);
        const delivered = [];
        const { redis, touches } = fakeRedis([['1-0', 2], ['2-0', 3]]);
        const reclaimer = new redis_reclaimer_1.Reclaimer(() => redis, ['s'], settings, held, (message) => delivered.push(message.id), () => undefined);
        held.add('s/2-0');
        reclaimer.start();
        node_test_1.mock.timers.tick(10);
        await flush();
        reclaimer.stop();
        strict_1.default.deepEqual(delivered, ['1-0'], 'the held entry is not delivered twice');
        strict_1.default.deepEqual(touches, [['s', 'g', 'me', '2-0', 1000, 2]], 'claimable again at once, with the delivery XAUTOCLAIM counted given back');
    });
});
//# sourceMappingURL=redis-reclaimer.test.js.map