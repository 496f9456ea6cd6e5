"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const offset_tracker_1 = require("../../../lib/kafka/offset-tracker");
(0, node_test_1.describe)('OffsetTracker', () => {
    (0, node_test_1.it)('has nothing to commit before a delivery', () => {
        strict_1.default.equal(new offset_tracker_1.OffsetTracker().committable(), undefined);
    });
    (0, node_test_1.it)('commits the lowest unsettled offset: in-flight offsets hold the commit back', () => {
        const tracker = new offset_tracker_1.OffsetTracker();
        for (const offset of [0, 1, 2])
            tracker.deliver(offset);
        strict_1.default.equal(tracker.committable(), 0);
        tracker.settle(1);
        tracker.settle(2);
        strict_1.default.equal(tracker.committable(), 0, 'settled 1 and 2 do not pass unsettled 0');
        tracker.settle(0);
        strict_1.default.equal(tracker.committable(), 3, 'offset + 1 of the settled prefix');
    });
    (0, node_test_1.it)('never passes a nacked offset, and delivers it again', () => {
        const tracker = new offset_tracker_1.OffsetTracker();
        for (const offset of [5, 6, 7])
            tracker.deliver(offset);
        tracker.settle(5);
        tracker.nack(6);
        tracker.settle(7);
        strict_1.default.equal(tracker.committable(), 6);
        strict_1.default.equal(tracker.shouldDeliver(6), true, 'the nacked offset is delivered again');
        strict_1.default.equal(tracker.shouldDeliver(7), false, 'a settled offset is skipped on the re-read');
        strict_1.default.equal(tracker.shouldDeliver(5), false, 'below the committed offset');
        strict_1.default.equal(tracker.deliver(6), 2, 'the second delivery');
        strict_1.default.equal(tracker.state(6), 'in-flight');
        strict_1.default.equal(tracker.committable(), 6);
        tracker.settle(6);
        strict_1.default.equal(tracker.committable(), 8);
    });
    (0, node_test_1.it)('skips offsets in flight on a re-read (no second concurrent delivery)', () => {
        const tracker = new offset_tracker_1.OffsetTracker();
        tracker.deliver(0);
        tracker.deliver(1);
        strict_1.default.equal(tracker.deliver(1), 0);
        strict_1.default.equal(tracker.shouldDeliver(2), true);
    });
    (0, node_test_1.it)('handles gaps in offsets (compaction, transaction markers)', () => {
        const tracker = new offset_tracker_1.OffsetTracker();
        tracker.deliver(10);
        tracker.deliver(14);
        tracker.settle(14);
        strict_1.default.equal(tracker.committable(), 10);
        tracker.settle(10);
        strict_1.default.equal(tracker.committable(), 15);
    });
    (0, node_test_1.it)('counts deliveries per offset, and forgets them once committed', () => {
        const tracker = new offset_tracker_1.OffsetTracker();
        strict_1.default.equal(tracker.deliver(0), 1);
        tracker.nack(0);
        strict_1.default.equal(tracker.deliver(0), 2);
        strict_1.default.equal(tracker.deliveries(0), 2);
        strict_1.default.equal(tracker.settle(0), 1, 'settle returns the offset to commit');
        strict_1.default.equal(tracker.deliveries(0), 0);
    });
    (0, node_test_1.it)('a nack returns where to read again from: the lowest nacked offset still due', () => {
        const tracker = new offset_tracker_1.OffsetTracker();
        for (const offset of [0, 1, 2, 3])
            tracker.deliver(offset);
        strict_1.default.equal(tracker.nack(1), 1);
        strict_1.default.equal(tracker.nack(3), 1, 'offset 1 was not read again yet: the re-read starts there');
        tracker.deliver(1);
        strict_1.default.equal(tracker.nack(2), 2, 'once 1 is delivered again, 2 is the lowest');
    });
    (0, node_test_1.it)('delivers nothing once retired', () => {
        const tracker = new offset_tracker_1.OffsetTracker();
        tracker.deliver(0);
        tracker.nack(0);
        tracker.retire();
        strict_1.default.equal(tracker.owned, false);
        strict_1.default.equal(tracker.deliver(0), 0);
    });
    (0, node_test_1.it)('refuses a new offset below one already delivered (order within a partition)', () => {
        const tracker = new offset_tracker_1.OffsetTracker();
        tracker.deliver(3);
        strict_1.default.throws(() => tracker.deliver(2), /delivered in order/);
    });
    (0, node_test_1.it)('counts unsettled offsets and forgets the committed prefix', () => {
        const tracker = new offset_tracker_1.OffsetTracker();
        for (let offset = 0; offset < 100; offset++)
            tracker.deliver(offset);
        for (let offset = 0; offset < 100; offset += 2)
            tracker.settle(offset);
        strict_1.default.equal(tracker.unsettled, 50);
        for (let offset = 1; offset < 50; offset += 2)
            tracker.settle(offset);
        strict_1.default.equal(tracker.committable(), 51);
        strict_1.default.equal(tracker.state(10), 'settled');
    });
    (0, node_test_1.it)('keeps the invariant under random settlement order (model check)', () => {
        for (let round = 0; round < 50; round++) {
            const tracker = new offset_tracker_1.OffsetTracker();
            const settled = new Set();
            const count = 200;
            for (let offset = 0; offset < count; offset++)
                tracker.deliver(offset);
            const order = [...Array(count).keys()].sort(() => Math.random() - 0.5);
            for (const offset of order) {
                tracker.settle(offset);
                settled.add(offset);
                const commit = tracker.committable();
                for (let below = 0; below < commit; below++)
                    strict_1.default.ok(settled.has(below), `commit ${commit} passes unsettled ${below}`);
                strict_1.default.ok(commit === count || !settled.has(commit), 'the commit is the lowest unsettled offset');
            }
            strict_1.default.equal(tracker.committable(), count);
        }
    });
    (0, node_test_1.it)('queued offsets hold the commit back and may then be delivered in any order', () => {
        const tracker = new offset_tracker_1.OffsetTracker();
        for (const offset of [0, 1, 2, 3])
            strict_1.default.equal(tracker.queue(offset), true);
        strict_1.default.equal(tracker.deliver(2), 1);
        tracker.settle(2);
        strict_1.default.equal(tracker.deliver(0), 1);
        tracker.settle(0);
        strict_1.default.equal(tracker.committable(), 1, 'offset 1, still queued, holds the commit');
        strict_1.default.equal(tracker.queue(1), true, 'fetched again after a rejoin: still to deliver');
        strict_1.default.equal(tracker.queue(2), false, 'settled');
        strict_1.default.equal(tracker.deliver(3), 1);
        strict_1.default.equal(tracker.queue(3), false, 'in flight');
        strict_1.default.equal(tracker.deliver(1), 1);
        tracker.settle(1);
        tracker.settle(3);
        strict_1.default.equal(tracker.committable(), 4);
        const fresh = new offset_tracker_1.OffsetTracker();
        fresh.queue(5);
        strict_1.default.throws(() => fresh.queue(3), /delivered in order/, 'a new offset below one already queued');
    });
});
//# sourceMappingURL=offset-tracker.test.js.map