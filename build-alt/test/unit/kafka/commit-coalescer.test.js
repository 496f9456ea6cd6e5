"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const commit_coalescer_1 = require("../../../lib/kafka/commit-coalescer");
const offset_tracker_1 = require("../../../lib/kafka/offset-tracker");
const wait_for_1 = require("../../support/wait-for");
/** A coalescer committing through a fake consumer; `commitOffsets` records each call unless overridden. */
function setup(options = {}, commitOffsets) {
    const commits = [];
    const coalescer = new commit_coalescer_1.CommitCoalescer({ intervalMs: 60_000, everyN: 1000, onError: () => undefined, ...options });
    coalescer.use({ commitOffsets: commitOffsets ?? (async (offsets) => void commits.push(offsets)) });
    return { coalescer, commits };
}
/** Delivers and settles `offset` on `tracker`, handing the committable offset to the coalescer as `KafkaCommands` does. */
function settle(coalescer, tracker, partition, offset, deliver = true) {
    if (deliver)
        tracker.deliver(offset);
    coalescer.settled('t', partition, tracker.settle(offset));
}
(0, node_test_1.describe)('CommitCoalescer', () => {
    (0, node_test_1.it)('coalesces settlements within the interval into one commit', async () => {
        const { coalescer, commits } = setup({ intervalMs: 30 });
        const tracker = new offset_tracker_1.OffsetTracker();
        for (let offset = 0; offset < 10; offset++)
            settle(coalescer, tracker, 0, offset);
        strict_1.default.equal(commits.length, 0, 'nothing committed before the interval');
        await (0, wait_for_1.waitFor)(() => commits.length === 1);
        strict_1.default.deepEqual(commits[0], [{ topic: 't', partition: 0, offset: '10' }]);
        coalescer.stop();
    });
    (0, node_test_1.it)('commits at once after everyN settlements', async () => {
        const { coalescer, commits } = setup({ everyN: 3 });
        const tracker = new offset_tracker_1.OffsetTracker();
        for (let offset = 0; offset < 3; offset++)
            settle(coalescer, tracker, 0, offset);
        await (0, wait_for_1.waitFor)(() => commits.length === 1);
        strict_1.default.equal(commits[0][0].offset, '3');
        coalescer.stop();
    });
    (0, node_test_1.it)('flush() commits every dirty partition now, and skips commits that would not move', async () => {
        const { coalescer, commits } = setup();
        const a = new offset_tracker_1.OffsetTracker();
        const b = new offset_tracker_1.OffsetTracker();
        settle(coalescer, a, 0, 0);
        b.deliver(4);
        settle(coalescer, b, 1, 5);
        await coalescer.flush();
        strict_1.default.deepEqual(commits, [[{ topic: 't', partition: 0, offset: '1' }, { topic: 't', partition: 1, offset: '4' }]]);
        coalescer.settled('t', 1, b.committable()); // nothing new below 4
        await coalescer.flush();
        strict_1.default.equal(commits.length, 1);
        coalescer.reset('t', 1); // after a rebalance: commit again
        await coalescer.flush();
        strict_1.default.equal(commits.length, 2);
        strict_1.default.deepEqual(commits[1], [{ topic: 't', partition: 1, offset: '4' }]);
        coalescer.stop();
    });
    (0, node_test_1.it)('a flush asked during a running commit runs a second pass covering later settlements', async () => {
        const seen = [];
        let release;
        const gate = new Promise((resolve) => (release = resolve));
        const { coalescer } = setup({}, async (offsets) => {
            seen.push(offsets[0].offset);
            if (seen.length === 1)
                await gate;
        });
        const tracker = new offset_tracker_1.OffsetTracker();
        settle(coalescer, tracker, 0, 0);
        const first = coalescer.flush();
        settle(coalescer, tracker, 0, 1);
        const second = coalescer.flush();
        release();
        await Promise.all([first, second]);
        strict_1.default.deepEqual(seen, ['1', '2']);
        coalescer.stop();
    });
    (0, node_test_1.it)('keeps a failed commit due and reports it', async () => {
        const errors = [];
        let fail = true;
        const seen = [];
        const { coalescer } = setup({ onError: (error) => errors.push(error) }, async (offsets) => {
            if (fail)
                throw new Error('coordinator moved');
            seen.push(offsets[0].offset);
        });
        settle(coalescer, new offset_tracker_1.OffsetTracker(), 0, 0);
        await strict_1.default.rejects(coalescer.flush(), /coordinator moved/);
        strict_1.default.equal(errors.length, 1);
        fail = false;
        await coalescer.flush();
        strict_1.default.deepEqual(seen, ['1']);
        coalescer.stop();
    });
    (0, node_test_1.it)('drops a partition given up', async () => {
        const { coalescer, commits } = setup();
        settle(coalescer, new offset_tracker_1.OffsetTracker(), 0, 0);
        coalescer.drop('t', 0);
        await coalescer.flush();
        strict_1.default.equal(commits.length, 0);
        coalescer.stop();
    });
    (0, node_test_1.it)('keeps offsets due while no consumer is attached, and sends them once one is', async () => {
        const { coalescer, commits } = setup();
        const consumer = { commitOffsets: async (offsets) => void commits.push(offsets) };
        coalescer.use(undefined);
        settle(coalescer, new offset_tracker_1.OffsetTracker(), 0, 0);
        await coalescer.flush();
        strict_1.default.equal(commits.length, 0);
        coalescer.use(consumer);
        await coalescer.flush();
        strict_1.default.deepEqual(commits, [[{ topic: 't', partition: 0, offset: '1' }]]);
        coalescer.stop();
    });
    (0, node_test_1.it)('hurry commits a partition at once, or at its next settlement when nothing is due yet; onCommitted reports each confirmed commit', async () => {
        const confirmed = [];
        const { coalescer, commits } = setup({ onCommitted: (topic, partition, offset) => void confirmed.push(`${topic}/${partition}@${offset}`) });
        const tracker = new offset_tracker_1.OffsetTracker();
        settle(coalescer, tracker, 0, 0);
        coalescer.hurry('t', 0);
        await (0, wait_for_1.waitFor)(() => commits.length === 1);
        strict_1.default.deepEqual(confirmed, ['t/0@1']);
        coalescer.hurry('t', 0); // nothing due: waits for the next settlement
        settle(coalescer, tracker, 0, 1);
        await (0, wait_for_1.waitFor)(() => commits.length === 2);
        strict_1.default.deepEqual(confirmed, ['t/0@1', 't/0@2']);
        coalescer.stop();
    });
    (0, node_test_1.it)('tries a failed commit again after intervalMs, even when nothing else settles', async () => {
        let failures = 1;
        const commits = [];
        const { coalescer } = setup({ intervalMs: 20 }, async (offsets) => {
            if (failures-- > 0)
                throw new Error('coordinator moved');
            commits.push(offsets);
        });
        const tracker = new offset_tracker_1.OffsetTracker();
        settle(coalescer, tracker, 0, 0);
        await strict_1.default.rejects(coalescer.flush(), /coordinator moved/);
        await (0, wait_for_1.waitFor)(() => commits.length === 1);
        strict_1.default.equal(commits[0][0].offset, '1');
        coalescer.stop();
    });
});
//# sourceMappingURL=commit-coalescer.test.js.map