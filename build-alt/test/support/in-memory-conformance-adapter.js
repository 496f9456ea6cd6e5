"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.inMemoryConformanceAdapter = void 0;
const core_1 = require("@nestjs/core");
const rxjs_1 = require("rxjs");
const testing_1 = require("../../lib/testing");
const names_1 = require("./names");
function toView(record) {
    return {
        body: record.body,
        headers: record.headers,
        reason: record.reason,
        errorName: record.errorName,
        errorMessage: record.errorMessage,
        deliveryCount: record.deliveryCount,
        source: record.source,
    };
}
/** One broker per app, one queue: `outstanding` and `deadLetters` read that broker's queue state. */
exports.inMemoryConformanceAdapter = {
    name: 'the in-memory transport',
    canBlockDeadLetters: true,
    async start({ module, serverOptions, listen }) {
        const broker = new testing_1.InMemoryBroker();
        const queue = (0, names_1.uniqueName)('queue');
        const server = new testing_1.InMemoryAckServer({ ...serverOptions, broker, queue });
        const app = await core_1.NestFactory.createMicroservice(module, { strategy: server, logger: false });
        if (listen !== false)
            await app.listen();
        const client = new testing_1.InMemoryAckClient({ broker, queue });
        let closed = false;
        const target = {
            app,
            server,
            emit: async (pattern, data) => {
                await (0, rxjs_1.lastValueFrom)(client.emit(pattern, data), { defaultValue: undefined });
            },
            send: (pattern, data) => (0, rxjs_1.lastValueFrom)(client.send(pattern, data)),
            publishRaw: async (_pattern, body) => {
                client.publishRaw(body);
            },
            outstanding: async () => {
                const state = broker.state(queue);
                return state.ready + state.unacked + state.delayed;
            },
            deadLetters: async () => broker.state(queue).deadLetters.map(toView),
            consumers: async () => broker.state(queue).consumers,
            blockDeadLetters: async (_pattern, blocked) => broker.blockDeadLetters(queue, blocked),
            close: async () => {
                if (closed)
                    return;
                closed = true;
                client.close();
                await app.close();
            },
        };
        return target;
    },
};
//# sourceMappingURL=in-memory-conformance-adapter.js.map