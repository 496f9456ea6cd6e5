"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const core_1 = require("@nestjs/core");
const rxjs_1 = require("rxjs");
const app_module_1 = require("./app.module");
const patterns_1 = require("./patterns");
const summary_1 = require("./summary");
// SAMPLE_BROKER picks the broker; the app (AppModule, OrdersController) is the same on each.
// Each transport is loaded only when chosen, so the in-memory default needs no broker driver.
const transports = {
    'in-memory': async () => (await import('./transports/in-memory.js')).inMemoryTransport,
    rabbitmq: async () => (await import('./transports/rabbitmq.js')).rabbitTransport,
    kafka: async () => (await import('./transports/kafka.js')).kafkaTransport,
    nats: async () => (await import('./transports/nats.js')).natsTransport,
    redis: async () => (await import('./transports/redis.js')).redisTransport,
    postgres: async () => (await import('./transports/postgres.js')).postgresTransport,
};
/** How long the run waits for every message to be settled (Kafka's first group join takes seconds). */
const SETTLE_TIMEOUT_MS = Number(process.env.SAMPLE_TIMEOUT_MS ?? 30_000);
function describe(event) {
    const { settlement } = event;
    const detail = settlement.kind === 'reject' ? ` reason=${settlement.reason}` : settlement.kind === 'nack' ? ` delay=${settlement.delayMs}ms` : '';
    const row = (0, summary_1.rowOf)(event.pattern, settlement.kind === 'reject' ? settlement.reason : undefined);
    const pattern = row === summary_1.UNDECODABLE ? summary_1.UNDECODABLE : (0, patterns_1.shortName)(event.pattern);
    return `settled ${settlement.kind.padEnd(6)} ${pattern.padEnd(16)} delivery=${event.deliveryCount}${detail}`;
}
/** The producer: good, failing and poison messages for every policy, through the library's client. */
async function produce(transport, tally) {
    const { client } = transport;
    const order = { id: 'o-1', items: [{ sku: 'book', price: 12, quantity: 2 }, { sku: 'pen', price: 3, quantity: 1 }] };
    const events = [
        [patterns_1.Patterns.created, order], // acked
        [patterns_1.Patterns.created, { id: 'o-2', items: [], country: 'XX' }], // RejectMessage: dead-lettered (fraud-suspected)
        [patterns_1.Patterns.created, { id: 'o-3' }], // throws: dead-lettered (handler-error)
        [patterns_1.Patterns.capture, { orderId: 'o-1' }], // fails twice, acked on the 3rd delivery
        [patterns_1.Patterns.capture, { orderId: 'declined-1' }], // fails 3 times: dead-lettered (max-deliveries)
        [patterns_1.Patterns.audit, { actor: 'ann', action: 'refund' }], // acked
        [patterns_1.Patterns.audit, { action: 'export' }], // throws, acked anyway (ACK)
        [patterns_1.Patterns.notify, { email: 'ann@example.com' }], // acked before the handler
        [patterns_1.Patterns.notify, { email: 'nobody' }], // acked before the handler, which then fails
        [patterns_1.Patterns.shipped, { orderId: 'o-1', tracking: 'TRK-1' }], // MANUAL: context.ack()
        [patterns_1.Patterns.shipped, { orderId: 'o-2' }], // MANUAL: context.reject({ reason: 'no-tracking' })
        [patterns_1.Patterns.refunded, { orderId: 'o-1' }], // no handler: dead-lettered (no-handler)
    ];
    tally.expect(patterns_1.PolicyOf[patterns_1.Patterns.total]);
    for (const [pattern] of events)
        tally.expect((0, summary_1.rowOf)(pattern));
    tally.expect(summary_1.UNDECODABLE);
    console.log(`order.total replied ${await (0, rxjs_1.lastValueFrom)(client.send(patterns_1.Patterns.total, order))}`);
    for (const [pattern, data] of events)
        await (0, rxjs_1.lastValueFrom)(client.emit(pattern, data), { defaultValue: undefined });
    await transport.publishPoison(patterns_1.Patterns.created);
}
/**
 * Resolves once every message sent got its final settlement (ack or dead
 * letter), or with what was missing when `SETTLE_TIMEOUT_MS` ran out. The
 * clock starts before the app does, so a start that hangs is caught too.
 */
function watchSettlements(tally, server) {
    return new Promise((resolve) => {
        const timer = setTimeout(() => {
            resolve(tally.sent === 0 ? `the app did not start and send within ${SETTLE_TIMEOUT_MS} ms` : `only ${tally.final} of ${tally.sent} messages were settled after ${SETTLE_TIMEOUT_MS} ms`);
        }, SETTLE_TIMEOUT_MS);
        server.on('settled', (event) => {
            console.log(describe(event));
            tally.record(event);
            if (tally.sent > 0 && tally.final >= tally.sent) {
                clearTimeout(timer);
                resolve(undefined);
            }
        });
    });
}
async function main() {
    const brokerName = process.env.SAMPLE_BROKER || 'in-memory';
    const load = transports[brokerName];
    if (!load)
        throw new Error(`SAMPLE_BROKER=${brokerName} is not one of ${Object.keys(transports).join(', ')}`);
    const transport = await (await load())([...Object.values(patterns_1.Patterns)]);
    console.log(`sample run ${patterns_1.RUN_ID} on ${transport.description}`);
    const verbose = process.env.SAMPLE_LOG === '1';
    const app = await core_1.NestFactory.createMicroservice(app_module_1.AppModule, { strategy: transport.server, logger: verbose ? undefined : ['fatal'] });
    const tally = new summary_1.SettlementTally();
    const settled = watchSettlements(tally, transport.server);
    let problems = [];
    let broker;
    try {
        const startAndSend = app.listen().then(() => produce(transport, tally));
        startAndSend.catch(() => undefined); // a failure after the deadline is reported by the deadline, not as an unhandled rejection
        const missing = await Promise.race([startAndSend.then(() => settled), settled]);
        if (missing)
            problems.push(missing);
        await transport.client.close();
        await app.close();
        broker = await transport.readBroker();
        console.log('');
        for (const line of (0, summary_1.summaryLines)(tally))
            console.log(line);
        console.log('');
        for (const line of broker.lines)
            console.log(`broker: ${line}`);
        problems = [...problems, ...(0, summary_1.disagreements)(tally, broker)];
    }
    finally {
        await app.close().catch(() => undefined);
        if (process.env.SAMPLE_KEEP !== '1')
            await transport.cleanup();
    }
    if (problems.length > 0) {
        console.error(`\nNOT SETTLED AS EXPECTED on ${brokerName}:`);
        for (const problem of problems)
            console.error(`  - ${problem}`);
        return 1;
    }
    const acked = [...tally.rows.values()].reduce((sum, row) => sum + row.acked, 0);
    const dead = [...tally.rows.values()].reduce((sum, row) => sum + row.deadLettered, 0);
    console.log(`\nOK: all ${tally.sent} messages settled (${acked} acked, ${dead} dead-lettered), and the broker agrees (${(0, summary_1.comparedFigures)(broker)}).`);
    return 0;
}
main().then((code) => process.exit(code), (error) => {
    console.error(error);
    process.exit(1);
});
//# sourceMappingURL=main.js.map