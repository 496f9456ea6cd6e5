import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { lastValueFrom } from 'rxjs';
import type { SettlementEvent } from '../lib';
import { AppModule } from './app.module';
import { Patterns, PolicyOf, RUN_ID, shortName } from './patterns';
import { comparedFigures, disagreements, rowOf, SettlementTally, summaryLines, UNDECODABLE } from './summary';
import type { BrokerView, SampleTransport, SampleTransportFactory } from './transport';

// SAMPLE_BROKER picks the broker; the app (AppModule, OrdersController) is the same on each.
// Each transport is loaded only when chosen, so the in-memory default needs no broker driver.
const transports: Record<string, () => Promise<SampleTransportFactory>> = {
  'in-memory': async () => (await import('./transports/in-memory.js')).inMemoryTransport,
  rabbitmq: async () => (await import('./transports/rabbitmq.js')).rabbitTransport,
  kafka: async () => (await import('./transports/kafka.js')).kafkaTransport,
  nats: async () => (await import('./transports/nats.js')).natsTransport,
  redis: async () => (await import('./transports/redis.js')).redisTransport,
  postgres: async () => (await import('./transports/postgres.js')).postgresTransport,
};
/** How long the run waits for every message to be settled (Kafka's first group join takes seconds). */
const SETTLE_TIMEOUT_MS = Number(process.env.SAMPLE_TIMEOUT_MS ?? 30_000);

function describe(event: SettlementEvent): string {
  const { settlement } = event;
  const detail = settlement.kind === 'reject' ? ` reason=${settlement.reason}` : settlement.kind === 'nack' ? ` delay=${settlement.delayMs}ms` : '';
  const row = rowOf(event.pattern, settlement.kind === 'reject' ? settlement.reason : undefined);
  const pattern = row === UNDECODABLE ? UNDECODABLE : shortName(event.pattern);
  return `settled ${settlement.kind.padEnd(6)} ${pattern.padEnd(16)} delivery=${event.deliveryCount}${detail}`;
}

/** The producer: good, failing and poison messages for every policy, through the library's client. */
async function produce(transport: SampleTransport, tally: SettlementTally): Promise<void> {
  const { client } = transport;
  const order = { id: 'o-1', items: [{ sku: 'book', price: 12, quantity: 2 }, { sku: 'pen', price: 3, quantity: 1 }] };
  const events: Array<[pattern: string, data: unknown]> = [
    [Patterns.created, order], // acked
    [Patterns.created, { id: 'o-2', items: [], country: 'XX' }], // RejectMessage: dead-lettered (fraud-suspected)
    [Patterns.created, { id: 'o-3' }], // throws: dead-lettered (handler-error)
    [Patterns.capture, { orderId: 'o-1' }], // fails twice, acked on the 3rd delivery
    [Patterns.capture, { orderId: 'declined-1' }], // fails 3 times: dead-lettered (max-deliveries)
    [Patterns.audit, { actor: 'ann', action: 'refund' }], // acked
    [Patterns.audit, { action: 'export' }], // throws, acked anyway (ACK)
    [Patterns.notify, { email: 'ann@example.com' }], // acked before the handler
    [Patterns.notify, { email: 'nobody' }], // acked before the handler, which then fails
    [Patterns.shipped, { orderId: 'o-1', tracking: 'TRK-1' }], // MANUAL: context.ack()
    [Patterns.shipped, { orderId: 'o-2' }], // MANUAL: context.reject({ reason: 'no-tracking' })
    [Patterns.refunded, { orderId: 'o-1' }], // no handler: dead-lettered (no-handler)
  ];
  tally.expect(PolicyOf[Patterns.total]);
  for (const [pattern] of events) tally.expect(rowOf(pattern));
  tally.expect(UNDECODABLE);

  console.log(`order.total replied ${await lastValueFrom(client.send(Patterns.total, order))}`);
  for (const [pattern, data] of events) await lastValueFrom(client.emit(pattern, data), { defaultValue: undefined });
  await transport.publishPoison(Patterns.created);
}

/**
 * Resolves once every message sent got its final settlement (ack or dead
 * letter), or with what was missing when `SETTLE_TIMEOUT_MS` ran out. The
 * clock starts before the app does, so a start that hangs is caught too.
 */
function watchSettlements(tally: SettlementTally, server: SampleTransport['server']): Promise<string | undefined> {
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

async function main(): Promise<number> {
  const brokerName = process.env.SAMPLE_BROKER || 'in-memory';
  const load = transports[brokerName];
  if (!load) throw new Error(`SAMPLE_BROKER=${brokerName} is not one of ${Object.keys(transports).join(', ')}`);
  const transport = await (await load())([...Object.values(Patterns)]);
  console.log(`sample run ${RUN_ID} on ${transport.description}`);
  const verbose = process.env.SAMPLE_LOG === '1';
  const app = await NestFactory.createMicroservice(AppModule, { strategy: transport.server, logger: verbose ? undefined : ['fatal'] });
  const tally = new SettlementTally();
  const settled = watchSettlements(tally, transport.server);
  let problems: string[] = [];
  let broker: BrokerView | undefined;
  try {
    const startAndSend = app.listen().then(() => produce(transport, tally));
    startAndSend.catch(() => undefined); // a failure after the deadline is reported by the deadline, not as an unhandled rejection
    const missing = await Promise.race([startAndSend.then(() => settled), settled]);
    if (missing) problems.push(missing);
    await transport.client.close();
    await app.close();

    broker = await transport.readBroker();
    console.log('');
    for (const line of summaryLines(tally)) console.log(line);
    console.log('');
    for (const line of broker.lines) console.log(`broker: ${line}`);
    problems = [...problems, ...disagreements(tally, broker)];
  } finally {
    await app.close().catch(() => undefined);
    if (process.env.SAMPLE_KEEP !== '1') await transport.cleanup();
  }
  if (problems.length > 0) {
    console.error(`\nNOT SETTLED AS EXPECTED on ${brokerName}:`);
    for (const problem of problems) console.error(`  - ${problem}`);
    return 1;
  }
  const acked = [...tally.rows.values()].reduce((sum, row) => sum + row.acked, 0);
  const dead = [...tally.rows.values()].reduce((sum, row) => sum + row.deadLettered, 0);
  console.log(`\nOK: all ${tally.sent} messages settled (${acked} acked, ${dead} dead-lettered), and the broker agrees (${comparedFigures(broker!)}).`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
