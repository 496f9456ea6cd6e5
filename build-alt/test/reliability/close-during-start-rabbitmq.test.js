"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
const names_1 = require("../support/names");
const rabbit_broker_1 = require("../support/rabbit-broker");
const run_child_1 = require("../support/run-child");
const CHILD = (0, node_path_1.join)(__dirname, '../support/close-during-start-child.js');
for (const transport of ['in-memory', 'rabbitmq']) {
    (0, node_test_1.describe)(`${transport}: a close during listen() lets the process exit by itself`, () => {
        const queues = [];
        (0, node_test_1.after)(async () => {
            if (transport === 'rabbitmq')
                for (const queue of queues)
                    await (0, rabbit_broker_1.deleteRabbitTopology)(queue).catch(() => undefined);
        });
        for (const delayMs of [0, 10, 50, 200, 400]) {
            (0, node_test_1.it)(`closed ${delayMs} ms into the start`, async () => {
                const queue = (0, names_1.uniqueName)('close-start');
                queues.push(queue);
                const { code, output } = await (0, run_child_1.runChild)(CHILD, [transport, queue, String(delayMs)]);
                strict_1.default.equal(code, 0, output);
                strict_1.default.match(output, /^listen: (started|ClosedDuringStartError)$/m, 'listen() settled');
                strict_1.default.match(output, /^closed$/m);
                if (transport === 'rabbitmq') {
                    const consumers = await (0, rabbit_broker_1.withRabbit)(async (model) => {
                        const channel = await model.createChannel();
                        return (await channel.checkQueue(queue).catch(() => ({ consumerCount: 0 }))).consumerCount;
                    });
                    strict_1.default.equal(consumers, 0, 'no consumer left on the queue');
                }
            });
        }
    });
}
//# sourceMappingURL=close-during-start-rabbitmq.test.js.map