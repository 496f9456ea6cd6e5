import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Module } from '@nestjs/common';
import { AbstractHttpAdapter, NestFactory } from '@nestjs/core';
import { InMemoryAckServer, InMemoryBroker } from '../../../lib/testing';
import { CaptureLogger } from '../../support/capture-logger';

@Module({})
class EmptyModule {}

/** An HTTP adapter that serves nothing: only the microservices matter here. */
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

describe('server logger names', () => {
  it('two servers of one app log under their class name, and the option name tells them apart', async () => {
    const logger = new CaptureLogger();
    const app = await NestFactory.create(EmptyModule, silentHttpAdapter(), { logger });
    const broker = new InMemoryBroker();
    app.connectMicroservice({ strategy: new InMemoryAckServer({ broker, queue: 'orders' }) });
    app.connectMicroservice({ strategy: new InMemoryAckServer({ broker, queue: 'audit', name: 'audit' }) });
    try {
      await app.startAllMicroservices(); // without AckModule each server warns once, under its own context
    } finally {
      await app.close();
    }
    const contexts = logger.lines.filter((line) => line.text.includes('AckModule is not imported')).map((line) => line.text.split('\n').at(-1));
    assert.deepEqual(contexts.sort(), ['InMemoryAckServer', 'InMemoryAckServer:audit']);
    assert.equal(logger.lines.filter((line) => line.text.endsWith('\nServer')).length, 0, 'nothing under Nest\'s generic "Server"');
  });

  it('refuses an empty name', () => {
    assert.throws(() => new InMemoryAckServer({ broker: new InMemoryBroker(), name: '' }), /invalid name ""; allowed: a non-empty string/);
  });
});
