// `node postgres-close-child.js <table> <delayMs>`: starts a PostgresAckServer app (creating its table),
// closes it `delayMs` into listen(), prints `listen: started|<error name>` and `closed`, then returns:
// the parent asserts the process exits by itself (no pool, LISTEN connection or timer keeps it alive).
import 'reflect-metadata';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern } from '@nestjs/microservices';
import { AckModule } from '../../lib/module';
import { PostgresAckServer } from '../../lib/postgres';
import { POSTGRES_URL } from './postgres-broker';

@Controller()
class ChildController {
  @EventPattern('child.event')
  handle(): void {}
}

@Module({ imports: [AckModule.forRoot()], controllers: [ChildController] })
class ChildModule {}

async function main(): Promise<void> {
  const [table, delay] = process.argv.slice(2);
  const server = new PostgresAckServer({ connection: POSTGRES_URL, table, createSchema: true, pollIntervalMs: 50 });
  const app = await NestFactory.createMicroservice(ChildModule, { strategy: server, logger: false });
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
