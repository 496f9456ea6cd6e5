import './block-otel';
import 'reflect-metadata';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { AckContext, AckModule, type SettlementEvent } from '../../lib';
import '../../lib/kafka';
import '../../lib/nats';
import '../../lib/postgres';
import '../../lib/rabbitmq';
import '../../lib/redis';
import { InMemoryAckClient, InMemoryAckServer, InMemoryBroker } from '../../lib/testing';

// Without @opentelemetry/api (block-otel): the core and every transport load, a delivery is settled, and only nestjs-ack/otel fails to load.
const headers: Record<string, string>[] = [];

@Controller()
class OrdersController {
  @EventPattern<string>('order.created')
  created(@Ctx() ctx: AckContext): void {
    headers.push(ctx.getHeaders());
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [OrdersController] })
class AppModule {}

async function main(): Promise<void> {
  const broker = new InMemoryBroker();
  const server = new InMemoryAckServer({ broker, queue: 'orders' });
  const app = await NestFactory.createMicroservice(AppModule, { strategy: server, logger: false });
  await app.listen();
  const settled = new Promise<SettlementEvent>((done) => server.on('settled', done));
  const client = new InMemoryAckClient({ broker, queue: 'orders' });
  await lastValueFrom(client.emit('order.created', { id: 'o-1' }), { defaultValue: undefined });
  const { settlement } = await settled;
  client.close();
  await app.close();
  let otel = 'loaded';
  try {
    require('../../lib/otel');
  } catch (error) {
    otel = (error as Error).message;
  }
  console.log(JSON.stringify({ settlement: settlement.kind, headers, otel }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
