import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Controller, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, RpcException } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { AckMessage, NackMessage, RejectMessage } from '../../../lib/core';
import { AckModule } from '../../../lib/module';
import { InMemoryAckClient, InMemoryAckServer, InMemoryBroker } from '../../../lib/testing';

// docs/control-exceptions.md, "What the caller of a request receives": the error a `send()` caller gets
// for each kind of failure, the same with and without AckModule, and never the settle command.

const THROWN: Record<string, () => unknown> = {
  plain: () => new Error('boom'),
  reject: () => new RejectMessage({ reason: 'bad' }),
  nack: () => new NackMessage(),
  nackDelay: () => new NackMessage({ delayMs: 500 }),
  ack: () => new AckMessage(),
  rpc: () => new RpcException({ code: 42, message: 'x' }),
};

const EXPECTED: Record<string, unknown> = {
  plain: { status: 'error', message: 'Internal server error' },
  reject: { status: 'error', message: 'message rejected by the handler: bad' },
  nack: { status: 'error', message: 'message nacked by the handler' },
  nackDelay: { status: 'error', message: 'message nacked by the handler (delay 500 ms)' },
  ack: { status: 'error', message: 'message acked by the handler' },
  rpc: { code: 42, message: 'x' },
};

@Controller()
class ThrowingController {
  @MessagePattern('plain') plain(): void { throw THROWN.plain(); }
  @MessagePattern('reject') reject(): void { throw THROWN.reject(); }
  @MessagePattern('nack') nack(): void { throw THROWN.nack(); }
  @MessagePattern('nackDelay') nackDelay(): void { throw THROWN.nackDelay(); }
  @MessagePattern('ack') ack(): void { throw THROWN.ack(); }
  @MessagePattern('rpc') rpc(): void { throw THROWN.rpc(); }
}

function appModule(imports: DynamicModule[]): unknown {
  @Module({ imports, controllers: [ThrowingController] })
  class AppModule {}
  return AppModule;
}

async function callerErrors(imports: DynamicModule[]): Promise<Record<string, unknown>> {
  const broker = new InMemoryBroker();
  // Nacks wait long: each request is answered once, not again on a redelivery.
  const server = new InMemoryAckServer({ broker, queue: 'orders', retry: { backoff: { initialDelayMs: 600_000 } } });
  const app = await NestFactory.createMicroservice(appModule(imports) as never, { strategy: server, logger: false });
  await app.listen();
  const client = new InMemoryAckClient({ broker, queue: 'orders' });
  const errors: Record<string, unknown> = {};
  try {
    for (const pattern of Object.keys(THROWN)) {
      errors[pattern] = await lastValueFrom(client.send(pattern, {})).then(
        () => assert.fail(`"${pattern}" answered with a value`),
        (error: unknown) => error,
      );
    }
  } finally {
    client.close();
    await app.close();
  }
  return errors;
}

describe('what the caller of a request receives when its handler throws', () => {
  for (const [label, imports] of [['with AckModule', [AckModule.forRoot()]], ['without AckModule', []]] as const) {
    it(`${label}: the table of docs/control-exceptions.md, and no settle command`, async () => {
      const errors = await callerErrors([...imports]);
      assert.deepEqual(errors, EXPECTED);
      for (const error of Object.values(errors)) assert.ok(!JSON.stringify(error).includes('nestjsAckCommand'));
    });
  }
});
