// A consumer process for kill tests: `node postgres-worker.js <table>` prints
// `ready`, then `start <id>` when a handler begins and `processed <id>` when it
// finished (before its ack); on SIGTERM it closes gracefully and prints `closed`.
import 'reflect-metadata';
import { setTimeout as delay } from 'node:timers/promises';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';
import { AckModule } from '../../lib/module';
import { PostgresAckServer } from '../../lib/postgres';
import { POSTGRES_URL } from './postgres-broker';

export const WORKER_CONCURRENCY = 10;
export const WORKER_LEASE_MS = 1500;

@Controller()
class WorkerController {
  @EventPattern('kill.item')
  async handle(@Payload() item: { id: number }) {
    process.stdout.write(`start ${item.id}\n`);
    await delay(15);
    process.stdout.write(`processed ${item.id}\n`);
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [WorkerController] })
class WorkerModule {}

async function main(): Promise<void> {
  const table = process.argv[2];
  if (!table) throw new Error('usage: postgres-worker <table>');
  const server = new PostgresAckServer({ connection: POSTGRES_URL, table, queue: 'kill', concurrency: WORKER_CONCURRENCY, leaseMs: WORKER_LEASE_MS, pollIntervalMs: 100 });
  const app = await NestFactory.createMicroservice(WorkerModule, { strategy: server, logger: false });
  await app.listen();
  // Graceful close on SIGTERM: in-flight handlers finish and are settled before the exit.
  process.once('SIGTERM', () => {
    void app.close().then(() => {
      process.stdout.write('closed\n');
      process.exit(0);
    });
  });
  process.stdout.write('ready\n');
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`worker failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
