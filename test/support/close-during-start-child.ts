// `node close-during-start-child.js <rabbitmq|in-memory> <queue> <delayMs>`: starts an app, closes it
// `delayMs` into listen(), prints `listen: started|<error name>` and `closed`, and then simply returns:
// the parent asserts that the process exits by itself (nothing of the server keeps it alive).
import 'reflect-metadata';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern } from '@nestjs/microservices';
import type { AckServer } from '../../lib/core';
import { AckModule } from '../../lib/module';
import { RabbitAckServer } from '../../lib/rabbitmq';
import { InMemoryAckServer, InMemoryBroker } from '../../lib/testing';
import { RABBITMQ_URL } from './rabbit-broker';

@Controller()
class ChildController {
  @EventPattern<string>('child.event')
  handle(): void {}
}

@Module({ imports: [AckModule.forRoot()], controllers: [ChildController] })
class ChildModule {}

function serverFor(transport: string, queue: string): AckServer<any> {
  if (transport === 'rabbitmq') return new RabbitAckServer({ urls: RABBITMQ_URL, queue });
  if (transport === 'in-memory') return new InMemoryAckServer({ broker: new InMemoryBroker(), queue });
  throw new Error(`unknown transport ${transport}`);
}

async function main(): Promise<void> {
  const [transport, queue, delay] = process.argv.slice(2);
  const app = await NestFactory.createMicroservice(ChildModule, { strategy: serverFor(transport, queue), logger: false });
  const listening = app.listen().then(
    () => 'started',
    (error: Error) => error.name,
  );
  await new Promise((resolve) => setTimeout(resolve, Number(delay)));
  await app.close();
  process.stdout.write(`listen: ${await listening}\nclosed\n`);
}

main().catch((error) => {
  process.stderr.write(`child failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
