// A consumer process for kill tests: `node nats-worker.js <stream> <subject>` prints
// `ready`, then `processed <id>` for each handled message (before its ack).
import 'reflect-metadata';
import { setTimeout as delay } from 'node:timers/promises';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';
import { AckModule } from '../../lib/module';
import { NatsAckServer } from '../../lib/nats';
import { NATS_URL } from './nats-broker';

/** The worker's pull window: at most this many delivered and not settled. */
export const NATS_WORKER_BATCH = 20;
export const NATS_WORKER_ACK_WAIT_MS = 2000;

@Controller()
class WorkerController {
  @EventPattern(process.argv[3] ?? 'unused')
  async handle(@Payload() item: { id: number }) {
    await delay(3);
    process.stdout.write(`processed ${item.id}\n`);
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [WorkerController] })
class WorkerModule {}

async function main(): Promise<void> {
  const [stream, subject] = process.argv.slice(2);
  if (!stream || !subject) throw new Error('usage: nats-worker <stream> <subject>');
  const server = new NatsAckServer({ servers: NATS_URL, stream, concurrency: 10, batchSize: NATS_WORKER_BATCH, ackWaitMs: NATS_WORKER_ACK_WAIT_MS });
  const app = await NestFactory.createMicroservice(WorkerModule, { strategy: server, logger: false });
  await app.listen();
  process.stdout.write('ready\n');
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`worker failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
