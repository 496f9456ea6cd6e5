"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// A process that starts a KafkaAckServer and closes it DELAYS_MS (comma-separated) ms into
// app.listen(), one server after the other, in group GROUP_ID on TOPIC; prints one JSON line per
// close ({ delayMs, listen: 'resolved' | 'rejected' | 'pending' }) and then must exit by itself:
// it never calls process.exit, so any socket or timer the servers left open keeps it alive.
require("reflect-metadata");
const core_1 = require("@nestjs/core");
const kafka_1 = require("../../lib/kafka");
const kafka_broker_1 = require("./kafka-broker");
const kafka_conformance_adapter_1 = require("./kafka-conformance-adapter");
const kafka_test_app_1 = require("./kafka-test-app");
async function main() {
    const topic = process.env.TOPIC;
    const delays = (process.env.DELAYS_MS ?? '0').split(',').map(Number);
    for (const delayMs of delays) {
        const server = new kafka_1.KafkaAckServer({ ...kafka_conformance_adapter_1.FAST_KAFKA, brokers: kafka_broker_1.KAFKA_BROKERS, groupId: process.env.GROUP_ID, createTopics: true, fromBeginning: true });
        const app = await core_1.NestFactory.createMicroservice((0, kafka_test_app_1.handlerModule)(topic, () => undefined), { strategy: server, logger: false });
        let listen = 'pending';
        const listening = app.listen().then(() => (listen = 'resolved'), () => (listen = 'rejected'));
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        await app.close();
        await Promise.race([listening, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
        process.stdout.write(`${JSON.stringify({ delayMs, listen })}\n`);
    }
}
main().catch((error) => {
    process.stdout.write(`${JSON.stringify({ error: String(error?.message ?? error) })}\n`);
    process.exitCode = 1;
});
//# sourceMappingURL=kafka-close-child.js.map