"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.inMemoryTransport = inMemoryTransport;
const testing_1 = require("../../lib/testing");
const transport_1 = require("../transport");
/** Keeps every body, so that the history's acks and nacks can be told apart by pattern. */
class RecordingBroker extends testing_1.InMemoryBroker {
    bodies = new Map();
    publish(queueName, body, options) {
        const id = super.publish(queueName, body, options);
        this.bodies.set(id, body);
        return id;
    }
}
/** No broker needed: the in-memory transport of `nestjs-ack/testing`, one queue for every pattern. */
async function inMemoryTransport() {
    const broker = new RecordingBroker();
    const queue = 'orders';
    const client = new testing_1.InMemoryAckClient({ broker, queue });
    return {
        description: `the in-memory broker (queue "${queue}")`,
        server: new testing_1.InMemoryAckServer({ broker, queue }),
        client,
        async publishPoison() {
            client.publishRaw(Buffer.from('{ not json'));
        },
        async readBroker() {
            const state = broker.state(queue);
            // The history says what happened to each message: its pattern comes from its body.
            const patternOf = (messageId) => (0, transport_1.patternInBody)(broker.bodies.get(messageId) ?? Buffer.alloc(0)) ?? '';
            const ackedByPattern = {};
            const retriedByPattern = {};
            for (const event of state.history) {
                if (event.type === 'acked')
                    (0, transport_1.countInto)(ackedByPattern, patternOf(event.messageId));
                if (event.type === 'nacked')
                    (0, transport_1.countInto)(retriedByPattern, patternOf(event.messageId));
            }
            return {
                lines: [`queue "${queue}": ready=${state.ready} unacked=${state.unacked} delayed=${state.delayed} dead-lettered=${state.deadLetters.length}`],
                unsettled: state.ready + state.unacked + state.delayed,
                deadLetters: state.deadLetters.map((letter) => ({ pattern: (0, transport_1.patternInBody)(letter.body) ?? '', reason: letter.reason })),
                ackedByPattern,
                retriedByPattern,
            };
        },
        async cleanup() { },
    };
}
//# sourceMappingURL=in-memory.js.map