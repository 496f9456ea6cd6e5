"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const record_queue_1 = require("../../../lib/kafka/record-queue");
(0, node_test_1.describe)('RecordQueue', () => {
    (0, node_test_1.it)('takes in insertion order across compactions', () => {
        const queue = new record_queue_1.RecordQueue();
        for (let i = 0; i < 5000; i++)
            queue.push(i);
        const taken = [];
        for (let i = 0; i < 3000; i++)
            taken.push(queue.take());
        for (let i = 5000; i < 6000; i++)
            queue.push(i);
        strict_1.default.equal(queue.length, 3000);
        while (queue.length > 0)
            taken.push(queue.take());
        strict_1.default.deepEqual(taken, Array.from({ length: 6000 }, (_, i) => i));
        strict_1.default.equal(queue.take(), undefined);
    });
    (0, node_test_1.it)('empties on clear', () => {
        const queue = new record_queue_1.RecordQueue();
        queue.push('a');
        queue.clear();
        strict_1.default.equal(queue.length, 0);
        strict_1.default.equal(queue.take(), undefined);
    });
});
//# sourceMappingURL=record-queue.test.js.map