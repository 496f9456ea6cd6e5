// A consumer process for kill tests: `node rabbit-worker.js <queue>` prints
// `ready`, then `processed <id>` for each handled message (before its ack).
import 'reflect-metadata';
import { setTimeout as delay } from 'node:timers/promises';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';
import { AckModule } from '../../lib/module';
import { RabbitAckServer } from '../../lib/rabbitmq';
import { RABBITMQ_URL } from './rabbit-broker';

@Controller()
class WorkerController {
  @EventPattern('kill.item')
  async handle(@Payload() item: { id: number }) {
    await delay(3);
    process.stdout.write(`processed ${item.id}\n`);
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [WorkerController] })
class WorkerModule {}

async function main(): Promise<void> {
  const queue = process.argv[2];
  if (!queue) throw new Error('usage: rabbit-worker <queue>');
  const server = new RabbitAckServer({ urls: RABBITMQ_URL, queue, concurrency: 10, prefetch: 20 });
  const app = await NestFactory.createMicroservice(WorkerModule, { strategy: server, logger: false });
  await app.listen();
  process.stdout.write('ready\n');
}

main().catch((error) => {
  process.stderr.write(`worker failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
