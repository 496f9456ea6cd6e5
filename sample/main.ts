import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { lastValueFrom } from 'rxjs';
import type { SettlementEvent } from '../lib';
import { InMemoryAckClient, InMemoryAckServer, InMemoryBroker } from '../lib/testing';
import { AppModule } from './app.module';

// The sample runs on the in-memory transport: no broker needed. Swap the
// strategy for RabbitAckServer or KafkaAckServer and nothing else changes.
function describe(event: SettlementEvent): string {
  const { settlement } = event;
  const detail = settlement.kind === 'reject' ? ` reason=${settlement.reason}` : settlement.kind === 'nack' ? ` delay=${settlement.delayMs}ms` : '';
  return `settled ${settlement.kind.padEnd(6)} ${(event.pattern || '(undecodable)').padEnd(16)} delivery=${event.deliveryCount}${detail}`;
}

async function main(): Promise<void> {
  const broker = new InMemoryBroker();
  const server = new InMemoryAckServer({ broker, queue: 'orders' });
  const app = await NestFactory.createMicroservice(AppModule, { strategy: server, logger: ['fatal'] });
  // 1 reply + 3 created + 3 capture deliveries + 1 shipped + 1 unknown + 1 undecodable
  const expectedSettlements = 10;
  let settled = 0;
  const allSettled = new Promise<void>((resolve) =>
    server.on('settled', (event) => {
      console.log(describe(event));
      if (++settled === expectedSettlements) resolve();
    }),
  );
  await app.listen();

  const client = new InMemoryAckClient({ broker, queue: 'orders' });
  const order = { id: 'o-1', items: [{ sku: 'book', price: 12, quantity: 2 }, { sku: 'pen', price: 3, quantity: 1 }] };
  console.log(`order.total replied ${await lastValueFrom(client.send('order.total', order))}`);
  client.emit('order.created', order).subscribe();
  client.emit('order.created', { id: 'o-2', items: [], country: 'XX' }).subscribe();
  client.emit('order.created', { id: 'o-3' }).subscribe();
  client.emit('payment.capture', { orderId: 'o-1' }).subscribe();
  client.emit('order.shipped', { orderId: 'o-1' }).subscribe();
  client.emit('order.refunded', { orderId: 'o-1' }).subscribe();
  client.publishRaw(Buffer.from('{ not json'));

  // The guard also keeps the process alive while nacked messages wait for redelivery.
  let guard: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    guard = setTimeout(() => reject(new Error(`only ${settled} of ${expectedSettlements} settlements after 10 s`)), 10_000);
  });
  await Promise.race([allSettled, stalled]).finally(() => clearTimeout(guard));

  const state = broker.state('orders');
  console.log(`queue "orders": ready=${state.ready} unacked=${state.unacked} delayed=${state.delayed} dead-lettered=${state.deadLetters.length}`);
  for (const letter of state.deadLetters) {
    console.log(`  dead letter: reason=${letter.reason} error=${letter.errorName ?? '-'}: ${letter.errorMessage ?? '-'}`);
  }
  client.close();
  await app.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
