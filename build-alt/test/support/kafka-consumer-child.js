"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// A consumer process for the kill tests: one KafkaAckServer in group GROUP_ID on TOPIC,
// handling `{ id }` events after HANDLER_DELAY_MS and reporting each to the parent over IPC.
// POLICY (default ACK); FAIL_FIRST_RATE: share of first deliveries that throw (nacked under NACK_ON_ERROR).
require("reflect-metadata");
const kafka_test_app_1 = require("./kafka-test-app");
async function main() {
    const topic = process.env.TOPIC;
    const delayMs = Number(process.env.HANDLER_DELAY_MS ?? '5');
    const failFirstRate = Number(process.env.FAIL_FIRST_RATE ?? '0');
    const policy = (process.env.POLICY ?? 'ACK');
    const module = (0, kafka_test_app_1.handlerModule)(topic, async (data, context) => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        if (context.getDeliveryCount() === 1 && Math.random() < failFirstRate)
            throw new Error('first delivery fails on purpose');
        process.send?.({ type: 'handled', id: data.id, partition: context.getPartition(), offset: context.getOffset(), pid: process.pid });
    }, policy);
    const { app } = await (0, kafka_test_app_1.startKafkaApp)(module, { groupId: process.env.GROUP_ID, concurrency: 4, retry: { maxDeliveries: 100, backoff: { type: 'fixed', initialDelayMs: 50, jitter: 0 } } });
    process.once('SIGTERM', () => void app.close().finally(() => process.exit(0)));
    process.send?.({ type: 'ready', pid: process.pid });
}
main().catch((error) => {
    process.send?.({ type: 'error', message: String(error?.message ?? error) });
    process.exit(1);
});
//# sourceMappingURL=kafka-consumer-child.js.map