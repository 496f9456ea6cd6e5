// A consumer process for the Redis reliability tests:
//   REDIS_WORKER_STREAM=<stream> node redis-worker.js <group> <consumer> <minIdleMs>
// prints `ready`, then `started <id>` when a handler starts and `processed <id>`
// when it finished (before its ack). A message `{ id, ms }` keeps its handler busy for `ms`.
// With REDIS_WORKER_HANG_AFTER=<n>, every handler that starts after n have finished never returns,
// so the process holds a full window of pending entries until it is killed.
import 'reflect-metadata';
import { setTimeout as delay } from 'node:timers/promises';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';
import { AckModule } from '../../lib/module';
import { RedisAckServer } from '../../lib/redis';
import { REDIS_URL } from './redis-broker';

const STREAM = process.env.REDIS_WORKER_STREAM ?? 'redis-worker.unset';
const HANG_AFTER = process.env.REDIS_WORKER_HANG_AFTER ? Number(process.env.REDIS_WORKER_HANG_AFTER) : Infinity;
let finished = 0;

@Controller()
class WorkerController {
  @EventPattern(STREAM)
  async handle(@Payload() item: { id: number; ms?: number }) {
    process.stdout.write(`started ${item.id}\n`);
    if (finished >= HANG_AFTER) await new Promise<never>(() => undefined);
    await delay(item.ms ?? 5);
    finished += 1;
    process.stdout.write(`processed ${item.id}\n`);
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [WorkerController] })
class WorkerModule {}

async function main(): Promise<void> {
  const [group, consumer, minIdle] = process.argv.slice(2);
  if (!group || !consumer || !minIdle) throw new Error('usage: redis-worker <group> <consumer> <minIdleMs>');
  const server = new RedisAckServer({
    connection: REDIS_URL,
    group,
    consumer,
    concurrency: 10,
    minIdleMs: Number(minIdle),
    claimIntervalMs: 50,
    blockMs: 500,
  });
  const app = await NestFactory.createMicroservice(WorkerModule, { strategy: server, logger: process.env.TEST_LOG ? ['error', 'warn'] : false });
  await app.listen();
  process.stdout.write('ready\n');
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

main().catch((error) => {
  process.stderr.write(`worker failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
