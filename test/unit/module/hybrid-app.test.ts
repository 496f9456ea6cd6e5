import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { AbstractHttpAdapter, NestFactory } from '@nestjs/core';
import { EventPattern } from '@nestjs/microservices';
import { AckModule } from '../../../lib/module';
import { InMemoryAckClient, InMemoryAckServer, InMemoryBroker } from '../../../lib/testing';
import type { DeadLetterRecord } from '../../../lib/core';

// docs/control-exceptions.md, "Hybrid applications": AckModule's APP_FILTER belongs to the application
// NestFactory.create() built, and a microservice attached to it gets it only with `inheritAppConfig: true`;
// the recording of thrown errors is per process, so dead letters keep the handler's own error either way,
// also when messages arrive before the app's init hooks ran (startAllMicroservices() without listen()).

@Controller()
class FailingController {
  @EventPattern('order.created')
  created(): void {
    throw new TypeError('no items');
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [FailingController] })
class HybridModule {}

/** An HTTP adapter that serves nothing: the repository has no HTTP platform, and only the microservice matters here. */
function silentHttpAdapter(): AbstractHttpAdapter {
  const known: Record<string, unknown> = {
    getType: () => 'none',
    getInstance: () => ({}),
    getHttpServer: () => ({ once() {}, on() {}, removeListener() {}, address: () => null }),
  };
  return new Proxy(known, {
    get: (target, key) => (typeof key === 'string' && key in target ? target[key] : key === 'then' ? undefined : () => undefined),
  }) as unknown as AbstractHttpAdapter;
}

async function deadLetterOfFailure(inheritAppConfig: boolean): Promise<DeadLetterRecord> {
  const app = await NestFactory.create(HybridModule, silentHttpAdapter(), { logger: false });
  const broker = new InMemoryBroker();
  const server = new InMemoryAckServer({ broker, queue: 'orders' });
  app.connectMicroservice({ strategy: server }, { inheritAppConfig });
  const client = new InMemoryAckClient({ broker, queue: 'orders' });
  try {
    await app.startAllMicroservices();
    const settled = new Promise((resolve) => server.on('settled', resolve));
    client.emitAndGetId('order.created', { id: 'o-1' });
    await settled;
    const { deadLetters } = broker.state('orders');
    assert.equal(deadLetters.length, 1);
    return deadLetters[0];
  } finally {
    client.close();
    await app.close();
  }
}

describe('AckModule in a hybrid application (HTTP + microservice)', () => {
  it('with inheritAppConfig, the dead letter keeps the handler\'s own error', async () => {
    const letter = await deadLetterOfFailure(true);
    assert.deepEqual([letter.reason, letter.errorName, letter.errorMessage], ['handler-error', 'TypeError', 'no items']);
  });

  it('without inheritAppConfig too: the recording of thrown errors does not depend on the app\'s config', async () => {
    const letter = await deadLetterOfFailure(false);
    assert.deepEqual([letter.reason, letter.errorName, letter.errorMessage], ['handler-error', 'TypeError', 'no items']);
  });
});
