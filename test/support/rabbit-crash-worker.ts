// A consumer process that dies on its message: `node rabbit-crash-worker.js <queue> <quorum|classic> <maxDeliveries>`
// prints `ready`, then `crashing <deliveryCount>` and SIGKILLs itself in the handler of `crash.item`.
import 'reflect-metadata';
import { writeSync } from 'node:fs';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { AckModule } from '../../lib/module';
import { RabbitAckServer, type RabbitAckContext } from '../../lib/rabbitmq';
import { RABBITMQ_URL } from './rabbit-broker';

@Controller()
class CrashController {
  @EventPattern('crash.item')
  handle(@Ctx() context: RabbitAckContext) {
    writeSync(1, `crashing ${context.getDeliveryCount()}\n`); // synchronous: written before the process is gone
    process.kill(process.pid, 'SIGKILL');
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [CrashController] })
class CrashModule {}

async function main(): Promise<void> {
  const [queue, queueType, maxDeliveries] = process.argv.slice(2);
  if (!queue || (queueType !== 'quorum' && queueType !== 'classic') || !(Number(maxDeliveries) >= 1)) throw new Error('usage: rabbit-crash-worker <queue> <quorum|classic> <maxDeliveries>');
  const server = new RabbitAckServer({ urls: RABBITMQ_URL, queue, queueType, defaultPolicy: 'NACK_ON_ERROR', retry: { maxDeliveries: Number(maxDeliveries) } });
  const app = await NestFactory.createMicroservice(CrashModule, { strategy: server, logger: false });
  await app.listen();
  writeSync(1, 'ready\n');
}

main().catch((error) => {
  process.stderr.write(`crash worker failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
